import { ok } from './client';
import { DocWatch } from './realtime';
import { TIER, type ScenarioState } from './state';
import { step } from './step';

/** Chat request → the mitra sees the offer → accepts → the customer sees the pairing: sets `s.sessionId`. */
export async function pair(s: ScenarioState) {
  const o = s.o;
  const pairing = new DocWatch(o.fs, `customers/${s.customer.id}/pairing/current`);
  try {
    const req = await step(
      s,
      'chat_request',
      () =>
        ok(
          'chat request',
          s.customer.api.POST('/api/client/chat/request', {
            body: {
              topic_sensitivity: 'regular',
              tier_id: TIER,
              ...(o.targeted ? { target_mitra_id: s.mitra.id } : {}),
            },
          }),
        ),
      (r) => [`"Mencari Bestie..." (${r.notified_mitras} notified, 30 menit)`, '-'],
    );
    const offer = new DocWatch(o.fs, `mitras/${s.mitra.id}/offers/${req.request_id}`);
    try {
      await step(
        s,
        'offer_seen',
        () => offer.until('the offer', (d) => d?.status === 'offered', o.waitMs),
        (d) => ['"Mencari Bestie..."', `offer: new ${d.topic_sensitivity ?? 'regular'} request [Terima] [Tolak]`],
      );
    } finally {
      offer.close();
    }
    const won = await step(
      s,
      'accept',
      () =>
        ok(
          'mitra accepts',
          s.mitra.api.POST('/api/mitra/requests/{id}/accept', { params: { path: { id: req.request_id } } }),
        ),
      (w) => ['"Mencari Bestie..."', `accepted, session ${w.session_id.slice(0, 8)} (${w.session_status})`],
    );
    s.sessionId = won.session_id;
    await step(
      s,
      'paired_seen',
      () => pairing.until('paired', (d) => d?.status === 'paired' && d.session_id === won.session_id, o.waitMs),
      (d) => [`paired with ${d.mitra_name}`, 'waiting for the customer to pay'],
    );
  } finally {
    pairing.close();
  }
}
