import { refresh } from './actors';
import { ok } from './client';
import type { ScenarioState } from './state';
import { bothSee, step } from './step';

/** Both apps see the session in closing. */
export async function awaitClosing(s: ScenarioState) {
  await step(
    s,
    'closing_seen',
    () => bothSee(s, 'closing', 'closing'),
    ([d]) => [`"Sesi berakhir (${d.closing_reason})", say goodbye`, 'say goodbye'],
  );
}

/** In closing: goodbye from both → completed → rating. */
export async function finish(s: ScenarioState) {
  const o = s.o;
  const sid = s.sessionId;
  await Promise.all([refresh(s, s.customer), refresh(s, s.mitra)]);
  await step(
    s,
    'goodbye_customer',
    async () => {
      await ok(
        'customer goodbye',
        s.customer.api.POST('/api/client/sessions/{id}/goodbye', {
          params: { path: { id: sid } },
          body: { message: 'Makasih banyak Kak' },
        }),
      );
      return s.mitraDoc.until('the customer goodbye', (d) => !!d?.goodbyes?.customer, o.waitMs);
    },
    (d) => ['goodbye sent', `"${s.customer.name}: ${d.goodbyes.customer.message}"`],
  );
  await step(
    s,
    'goodbye_mitra',
    async () => {
      await ok(
        'mitra goodbye',
        s.mitra.api.POST('/api/mitra/sessions/{id}/goodbye', {
          params: { path: { id: sid } },
          body: { message: 'Sehat selalu ya' },
        }),
      );
      return s.customerDoc.until('the mitra goodbye', (d) => !!d?.goodbyes?.mitra, o.waitMs);
    },
    (d) => [`"${s.mitra.name}: ${d.goodbyes.mitra.message}"`, 'goodbye sent'],
  );
  await step(
    s,
    'completed_seen',
    () => bothSee(s, 'completed', 'completed'),
    () => ['"Sesi selesai" -> rate your Bestie', '"Sesi selesai"'],
  );
  await step(
    s,
    'rating',
    () =>
      ok(
        'rating',
        s.customer.api.POST('/api/client/sessions/{id}/rating', {
          params: { path: { id: sid } },
          body: { stars: 5, comment: 'Bestie-nya sabar banget' },
        }),
      ),
    (r) => [`rated ${r.stars} stars, thank you`, '-'],
  );
  o.metrics.completed++;
}
