import { refresh } from './actors';
import { chat } from './chat-step';
import { ok } from './client';
import { invoice, payAt } from './payment-step';
import { TIER, rupiah, type ScenarioState } from './state';
import { bothSee, step } from './step';

/** When this session's time is up (stack clock), from its doc. */
export function endsAt(s: ScenarioState): number {
  return Date.parse(s.customerDoc.latest?.ends_at as string);
}

/** Both apps see the session expired (time is up). */
export async function awaitExpired(s: ScenarioState, name: string) {
  await step(
    s,
    name,
    () => bothSee(s, 'expired (time is up)', 'expired'),
    ([d]) => [`"Waktu habis" banner, input locked, extend until ${d.extension_window_ends_at}`, '"Waktu habis"'],
  );
}

/** After the first time-up: ask for more time, the mitra accepts, the customer pays, chat resumes. */
export async function extend(s: ScenarioState) {
  const o = s.o;
  const sid = s.sessionId;
  await Promise.all([refresh(s, s.customer), refresh(s, s.mitra)]); // the clock moved past the access tokens' life
  const before = endsAt(s);
  const ext = await step(
    s,
    'ext_request',
    () =>
      ok(
        'extension request',
        s.customer.api.POST('/api/client/sessions/{id}/extensions', {
          params: { path: { id: sid } },
          body: { tier_id: TIER },
        }),
      ),
    (e) => [`"Menunggu Bestie..." (+${e.duration_minutes} menit, ${rupiah(e.price_idr)})`, '-'],
  );
  await step(
    s,
    'ext_offer_seen',
    () =>
      s.mitraPrivate.until(
        'the extension offer',
        (d) => d?.extension?.id === ext.id && d.extension.status === 'requested',
        o.waitMs,
      ),
    (d) => ['"Menunggu Bestie..."', `"Tambah ${d.extension.duration_minutes} menit?" [Terima] [Tolak]`],
  );
  await step(
    s,
    'ext_accept',
    () =>
      ok(
        'mitra accepts the extension',
        s.mitra.api.POST('/api/mitra/sessions/{id}/extensions/{ext_id}/accept', {
          params: { path: { id: sid, ext_id: ext.id } },
        }),
      ),
    (e) => ['"Bestie setuju"', `accepted (${e.status}), waiting for payment`],
  );
  const inv = await step(
    s,
    'ext_invoice_seen',
    () => invoice(s, 'extension', ext.id),
    (i) => [`"Bayar ${rupiah(ext.price_idr)}" -> ${i.url}`, 'waiting for payment'],
  );
  await step(
    s,
    'ext_pay',
    () => payAt(s, inv),
    () => ['paid at Xendit (QRIS)', 'waiting for payment'],
  );
  await step(
    s,
    'ext_active_seen',
    async () => {
      const [d] = await Promise.all([
        s.customerDoc.until(
          'active again, later end',
          (x) => x?.status === 'active' && Date.parse(x.ends_at) > before,
          o.waitMs,
        ),
        s.mitraDoc.until('active again', (x) => x?.status === 'active', o.waitMs),
      ]);
      o.metrics.activations++;
      return d;
    },
    (d) => [`chat open again until ${d.ends_at}`, 'chat open again'],
  );
  await step(
    s,
    'chat_more',
    () => chat(s, 'b', 1),
    (n) => [`#${n} in order`, `#${n} in order`],
  );
}
