import { describe, expect, it } from 'vitest';
import { XenditProvider } from '../../../shared/adapters/gcp/xendit';
import { commitWithEffects } from '../../../shared/outbox';
import { paymentsDeps } from '../../../shared/payments';
import type { PaymentRow } from '../../../shared/payments/repo/payments';
import { settlePayment, type ProviderReport } from '../../../shared/payments/settle-payment';
import { sessionPaymentHooks, sessionsDeps } from '../../../shared/sessions';
import { bearer } from '../../helpers/auth';
import { json } from '../../helpers/http';
import { settle } from '../../helpers/pairing';
import {
  callbackRows,
  lastOutboxId,
  paymentOf,
  pendingPaidSession,
  sessionDoc,
  sessionDocWrites,
  sessionRow,
  usePaymentStack,
} from '../../helpers/payments';
import type { TestStack } from '../../helpers/runtime';

const stack = usePaymentStack();

const report = (p: PaymentRow, status: ProviderReport['status']): ProviderReport => ({
  invoiceId: p.provider_invoice_id!,
  status,
  amount: p.amount_idr,
  currency: p.currency,
  source: 'timeout',
});

/** The one settlement every report goes through, as one transaction of its own. */
function settleNow(s: TestStack, p: PaymentRow, r: ProviderReport) {
  const provider = new XenditProvider(s.rt.env.XENDIT_API_BASE_URL, s.rt.env.XENDIT_SECRET_KEY ?? '');
  const deps = paymentsDeps(s.rt, provider, sessionPaymentHooks(sessionsDeps(s.rt)));
  return commitWithEffects(deps, (c) => settlePayment(c, deps, p, r, s.rt.clock.now()));
}

describe('settling a payment: what each report does', () => {
  it('the timeout task while the provider still says PENDING: still_pending, and nothing moves', async () => {
    const { s } = stack();
    const { sessionId } = await pendingPaidSession(s);
    const p = (await paymentOf(s, `session:${sessionId}`))!;
    const token = await s.rt.local!.issuer.sign(s.rt.env.OIDC_AUDIENCE);
    const res = await s.request('/tasks/payments/timeout', {
      method: 'POST',
      headers: bearer(token),
      json: { payment_id: p.id },
    });
    expect(await json(res)).toEqual({ outcome: 'still_pending' });
    expect(await paymentOf(s, `session:${sessionId}`)).toMatchObject({ status: 'pending', paid_at: null });
    expect(await sessionRow(s, sessionId)).toMatchObject({ status: 'pending_payment', version: 1 });
  });

  it('a settled payment is already_settled whatever the report says, also one read before it settled', async () => {
    const { s, xendit } = stack();
    const { sessionId } = await pendingPaidSession(s);
    const open = (await paymentOf(s, `session:${sessionId}`))!;
    await xendit.pay(open.provider_invoice_id!);
    const paid = (await paymentOf(s, `session:${sessionId}`))!;
    expect(paid.status).toBe('paid');
    for (const status of ['PENDING', 'PAID', 'EXPIRED'] as const)
      expect(await settleNow(s, paid, report(paid, status))).toBe('already_settled');
    // A row read while still open (the report raced the callback): the conditional update decides.
    for (const status of ['PAID', 'EXPIRED'] as const)
      expect(await settleNow(s, open, report(open, status))).toBe('already_settled');
    expect(await paymentOf(s, `session:${sessionId}`)).toEqual(paid);
    expect(await sessionRow(s, sessionId)).toMatchObject({ status: 'active', version: 2 });
  });

  it('the time paid is the provider’s, not the time the callback arrived', async () => {
    const { s, xendit } = stack();
    const { sessionId } = await pendingPaidSession(s);
    const p = (await paymentOf(s, `session:${sessionId}`))!;
    const paidAt = new Date(s.rt.clock.now().getTime() - 42_000);
    await xendit.pay(p.provider_invoice_id!, { overrides: { paid_at: paidAt.toISOString() } });
    expect(await paymentOf(s, `session:${sessionId}`)).toMatchObject({ status: 'paid', paid_at: paidAt });
  });

  it('an EXPIRED callback for a session that moved on: the payment expires, the session stays, expired_but_moved_on', async () => {
    const { s, xendit } = stack();
    const { sessionId } = await pendingPaidSession(s);
    const p = (await paymentOf(s, `session:${sessionId}`))!;
    await s.rt.db.query("UPDATE chat_sessions SET status = 'cancelled', cancel_reason = 'abandoned' WHERE id = $1", [
      sessionId,
    ]);
    expect(await xendit.expire(p.provider_invoice_id!)).toBe(200);
    expect(await paymentOf(s, `session:${sessionId}`)).toMatchObject({ status: 'expired' });
    const row = (await s.rt.db.query('SELECT status, cancel_reason FROM chat_sessions WHERE id = $1', [sessionId]))
      .rows[0];
    expect(row).toEqual({ status: 'cancelled', cancel_reason: 'abandoned' });
    expect((await callbackRows(s)).map((r) => r.outcome)).toEqual(['expired_but_moved_on']);
  });
});

describe('settling a payment: what the apps are shown', () => {
  it('a settlement that leaves the session where it was still shows the payment: a flagged one offers no pay link', async () => {
    const { s, xendit } = stack();
    const { sessionId } = await pendingPaidSession(s);
    const p = (await paymentOf(s, `session:${sessionId}`))!;
    expect(await sessionDoc(s, sessionId)).toMatchObject({
      payment_status: 'pending',
      xendit_invoice_url: p.invoice_url,
    });
    const before = await lastOutboxId(s);
    await xendit.pay(p.provider_invoice_id!, { overrides: { paid_amount: 20000 } });
    expect(await sessionRow(s, sessionId)).toMatchObject({ status: 'pending_payment', version: 1 });
    expect(await sessionDocWrites(s, sessionId, before)).toBe(1);
    await settle(s);
    expect(await sessionDoc(s, sessionId)).toMatchObject({
      status: 'pending_payment',
      payment_status: 'flagged',
      xendit_invoice_url: null,
      payment_expires_at: null,
    });
  });

  it('a settlement that moves the session writes its doc once: the transition’s write already shows the payment', async () => {
    const { s, xendit } = stack();
    for (const [settleIt, status, payment] of [
      [(id: string) => xendit.pay(id), 'active', 'paid'],
      [(id: string) => xendit.expire(id), 'cancelled', 'expired'],
    ] as const) {
      const { sessionId } = await pendingPaidSession(s);
      const p = (await paymentOf(s, `session:${sessionId}`))!;
      const before = await lastOutboxId(s);
      expect(await settleIt(p.provider_invoice_id!)).toBe(200);
      expect(await sessionDocWrites(s, sessionId, before)).toBe(1);
      await settle(s);
      expect(await sessionDoc(s, sessionId)).toMatchObject({
        status,
        payment_status: payment,
        xendit_invoice_url: null,
      });
    }
  });
});

describe('settling a payment: what operators are told', () => {
  const logged = (s: TestStack, message: string) => s.logs.filter((l) => l.message === message);

  it('every settlement with its outcome; a flagged payment with why; money for a session that moved on', async () => {
    const { s, xendit } = stack();
    const ok = await pendingPaidSession(s);
    const pOk = (await paymentOf(s, `session:${ok.sessionId}`))!;
    await xendit.pay(pOk.provider_invoice_id!);
    expect(logged(s, 'payment settled')).toEqual([
      expect.objectContaining({
        payment_id: pOk.id,
        external_id: `session:${ok.sessionId}`,
        invoice_id: pOk.provider_invoice_id,
        source: 'callback',
        outcome: 'activated',
        status: 'paid',
      }),
    ]);

    const short = await pendingPaidSession(s);
    const pShort = (await paymentOf(s, `session:${short.sessionId}`))!;
    await xendit.pay(pShort.provider_invoice_id!, { overrides: { paid_amount: 1000 } });
    expect(logged(s, 'payment flagged: nothing unlocked')).toEqual([
      expect.objectContaining({
        severity: 'WARNING',
        payment_id: pShort.id,
        external_id: `session:${short.sessionId}`,
        source: 'callback',
        flag_reason: 'amount_mismatch: expected 25000 IDR, got 1000 IDR',
      }),
    ]);

    const gone = await pendingPaidSession(s);
    const pGone = (await paymentOf(s, `session:${gone.sessionId}`))!;
    await s.rt.db.query("UPDATE chat_sessions SET status = 'cancelled' WHERE id = $1", [gone.sessionId]);
    await xendit.pay(pGone.provider_invoice_id!);
    expect(logged(s, 'payment flagged: paid for a session that moved on')).toEqual([
      expect.objectContaining({ severity: 'WARNING', payment_id: pGone.id, invoice_id: pGone.provider_invoice_id }),
    ]);
    expect(logged(s, 'payment settled').map((l) => [l.payment_id, l.outcome, l.status])).toEqual([
      [pOk.id, 'activated', 'paid'],
      [pShort.id, 'flagged_mismatch', 'flagged'],
      [pGone.id, 'paid_but_moved_on', 'flagged'],
    ]);
  });
});
