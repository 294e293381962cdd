import { describe, expect, it } from 'vitest';
import { bearer, freshToken } from '../../helpers/auth';
import { json } from '../../helpers/http';
import { accept, chatRequest, customerWithDevice, onlineMitra, settle, type TestMitra } from '../../helpers/pairing';
import { paymentOf, sessionRow, usePaymentStack } from '../../helpers/payments';
import type { TestStack } from '../../helpers/runtime';

// SPEC §13: a pending_payment session holds its mitra at most payment_hold_seconds (300 s) — the invoice
// lasts that long and the session is then cancelled, whatever the provider does — and a customer whose
// 3rd unpaid session in 24 h was cancelled may not ask again until the oldest leaves the window.
const stack = usePaymentStack();

const held = async (s: TestStack, m: TestMitra) =>
  (await json(s.request('/api/mitra/status', { headers: bearer(m.token) }))).active_session_count as number;
const backOnline = (s: TestStack, m: TestMitra) =>
  s.request('/api/mitra/status/online', { method: 'POST', headers: bearer(m.token) });

/** What is left of the 300 s hold by the stack's clock. */
async function holdLeftMs(s: TestStack, sessionId: string) {
  const { rows } = await s.rt.db.query<{ created_at: Date }>('SELECT created_at FROM chat_sessions WHERE id = $1', [
    sessionId,
  ]);
  return rows[0]!.created_at.getTime() + 300_000 - s.rt.clock.now().getTime();
}

/** A paid request the mitra accepts and nobody pays: answers the pending session. */
async function unpaidSession(s: TestStack, m: TestMitra, token: string) {
  expect((await backOnline(s, m)).status).toBe(200); // the sweep took it offline while the clock ran
  const req = await chatRequest(s, token);
  expect(req.status).toBe(201);
  const won = await accept(s, m, (await json(req)).request_id);
  expect(won.status).toBe(200);
  const { session_id, session_status } = await json(won);
  expect(session_status).toBe('pending_payment');
  await settle(s); // the invoice task runs
  return session_id as string;
}

describe('the payment hold and the unpaid cool-down', () => {
  it('guest → paid request → never pay, in a loop: the mitra is free again at payment_hold_seconds every time', async () => {
    const { s, xendit } = stack();
    const m = await onlineMitra(s);
    for (let i = 0; i < 4; i++) {
      const guest = await customerWithDevice(s); // a fresh guest each time, as a script would
      const sessionId = await unpaidSession(s, m, guest.token);
      const invoice = await xendit.invoice(`session:${sessionId}`);
      // The invoice ends with the hold (300 s from the session's creation), to the provider's whole second.
      const expiry = Date.parse(invoice!.expiry_date as string);
      const holdEnd = s.rt.clock.now().getTime() + (await holdLeftMs(s, sessionId));
      expect(Math.abs(expiry - holdEnd)).toBeLessThan(1000);
      expect(await held(s, m)).toBe(1);
      // Real time runs too: stop 2 s short of the hold measured from the session's creation, then pass it.
      await s.rt.local!.advanceClock((await holdLeftMs(s, sessionId)) / 1000 - 2);
      expect((await sessionRow(s, sessionId)).status).toBe('pending_payment');
      await s.rt.local!.advanceClock(2);
      expect((await sessionRow(s, sessionId)).status).toBe('cancelled');
      expect(await held(s, m)).toBe(0);
    }
    // A payment whose callback comes after the hold (paid in its last moments) is kept, flagged for refund;
    // the session stays cancelled.
    const late = await customerWithDevice(s);
    const sessionId = await unpaidSession(s, m, late.token);
    await s.rt.local!.advanceClock(300);
    const payment = (await paymentOf(s, `session:${sessionId}`))!;
    expect(await xendit.pay(payment.provider_invoice_id!)).toBe(200);
    expect((await sessionRow(s, sessionId)).status).toBe('cancelled');
    expect(await paymentOf(s, `session:${sessionId}`)).toMatchObject({
      status: 'flagged',
      flag_reason: 'paid_after_session_moved_on',
    });
  });

  it('the 3rd unpaid cancellation in 24 h blocks further requests (429, Retry-After) until the oldest leaves the window', async () => {
    const { s } = stack();
    const m = await onlineMitra(s);
    const c = await customerWithDevice(s);
    for (let i = 0; i < 3; i++) {
      const sessionId = await unpaidSession(s, m, c.token);
      await s.rt.local!.advanceClock(300);
      expect((await sessionRow(s, sessionId)).status).toBe('cancelled');
      await s.rt.local!.advanceClock(600); // spread the cancellations out
    }
    await backOnline(s, m);
    const refused = await chatRequest(s, c.token);
    expect(refused.status).toBe(429);
    const body = await json(refused);
    expect(body.error).toMatchObject({ code: 'RATE_LIMITED', details: { limit: 'unpaid_cancellations' } });
    // The first cancellation (at 300 s) was 2 400 s ago, give or take the seconds the requests took: it
    // leaves the 24 h window in 84 000 s.
    const wait = body.error.details.retry_after_seconds as number;
    expect(refused.headers.get('retry-after')).toBe(String(wait));
    expect(wait).toBeGreaterThan(86_400 - 2400 - 60);
    expect(wait).toBeLessThanOrEqual(86_400 - 2400 + 1);
    // Nothing was written for the refused request.
    expect(
      (await s.rt.db.query('SELECT count(*)::int AS n FROM chat_requests WHERE customer_id = $1', [c.id])).rows[0].n,
    ).toBe(3);
    await s.rt.local!.advanceClock(wait - 5);
    const token = await freshToken(s, 'customer', c.id); // a day later: the app has refreshed its tokens
    expect((await chatRequest(s, token)).status).toBe(429);
    await s.rt.local!.advanceClock(6);
    expect((await chatRequest(s, token)).status).toBe(201);
  });
});
