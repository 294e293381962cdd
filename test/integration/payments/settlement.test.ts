import { describe, expect, it } from 'vitest';
import { enqueue } from '../../helpers/outbox';
import { invoiceTask } from '../../../shared/payments/invoice-task';
import { bearer } from '../../helpers/auth';
import { json } from '../../helpers/http';
import { chatRequest, customerWithDevice, settle } from '../../helpers/pairing';
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

const oidc = async (s: TestStack) => bearer(await s.rt.local!.issuer.sign(s.rt.env.OIDC_AUDIENCE));
const task = async (s: TestStack, path: string, body?: unknown) =>
  s.request(path, { method: 'POST', headers: await oidc(s), ...(body === undefined ? {} : { json: body }) });
const advance = (s: TestStack, seconds: number) => s.rt.local!.advanceClock(seconds);

describe('payment settlement', () => {
  it('EXPIRED → session cancelled (doc says so) and the mitra, at capacity 1, can take another request', async () => {
    const { s, xendit } = stack();
    const first = await pendingPaidSession(s);
    const p = (await paymentOf(s, `session:${first.sessionId}`))!;
    // At capacity 1 the mitra cannot take a second customer while the first one has not paid.
    const other = await customerWithDevice(s);
    const blocked = await json(
      chatRequest(s, other.token, {
        topic_sensitivity: 'regular',
        tier_id: 'tier_30',
        target_mitra_id: first.mitra.id,
      }),
    );
    expect(blocked.error?.code).toBe('MITRA_UNAVAILABLE');

    expect(await xendit.expire(p.provider_invoice_id!)).toBe(200);
    expect(await xendit.redeliver(p.provider_invoice_id!)).toBe(200); // a duplicate changes nothing
    expect(await sessionRow(s, first.sessionId)).toMatchObject({ status: 'cancelled', version: 2 });
    const { rows } = await s.rt.db.query('SELECT cancel_reason FROM chat_sessions WHERE id = $1', [first.sessionId]);
    expect(rows[0].cancel_reason).toBe('payment_expired');
    expect(await paymentOf(s, `session:${first.sessionId}`)).toMatchObject({ status: 'expired' });
    await settle(s);
    expect(await sessionDoc(s, first.sessionId)).toMatchObject({
      status: 'cancelled',
      xendit_invoice_url: null,
      payment_status: 'expired',
    });
    expect((await callbackRows(s)).map((r) => r.outcome)).toEqual(['cancelled']);

    const second = await pendingPaidSession(s, first.mitra);
    expect((await sessionRow(s, second.sessionId)).status).toBe('pending_payment');
  });

  it('extension paid → ends_at moves by the tier once under duplicate callbacks; an expired extension invoice lapses it → closing', async () => {
    const { s, xendit } = stack();
    const { sessionId } = await pendingPaidSession(s);
    const p = (await paymentOf(s, `session:${sessionId}`))!;
    await xendit.pay(p.provider_invoice_id!);
    const before = (await sessionRow(s, sessionId)).ends_at!;
    // Time is up (the sessions expiry timer's change), the customer asked, the mitra accepted: the
    // sessions feature writes the accepted extension and enqueues this task on that accept.
    const extension = async () => {
      await s.rt.db.query(
        "UPDATE chat_sessions SET status = 'expired', expired_at = ends_at, version = version + 1 WHERE id = $1",
        [sessionId],
      );
      const { rows } = await s.rt.db.query<{ id: string }>(
        `INSERT INTO session_extensions (session_id, tier_id, duration_minutes, price_idr, status, topic_sensitivity, respond_by, created_at, updated_at)
         VALUES ($1, 'tier_30', 30, 25000, 'accepted', 'regular', now(), now(), now()) RETURNING id`,
        [sessionId],
      );
      await enqueue(s.rt.db, invoiceTask('extension', rows[0]!.id, s.rt.clock.now()));
      await enqueue(s.rt.db, invoiceTask('extension', rows[0]!.id, s.rt.clock.now())); // delivered twice
      await settle(s);
      return rows[0]!.id;
    };
    const ext = await extension();
    const pe = (await paymentOf(s, `extension:${ext}`))!;
    expect(pe).toMatchObject({ status: 'pending', amount_idr: 25000, extension_id: ext, session_id: sessionId });
    expect(await sessionDoc(s, sessionId)).toMatchObject({
      payment_for: 'extension',
      payment_extension_id: ext,
      xendit_invoice_url: pe.invoice_url,
    });
    const queued = await lastOutboxId(s);
    await xendit.pay(pe.provider_invoice_id!, { callback: false });
    await Promise.all([1, 2, 3].map(() => xendit.redeliver(pe.provider_invoice_id!)));
    const after = await sessionRow(s, sessionId);
    expect(after.ends_at!.getTime() - before.getTime()).toBe(30 * 60_000);
    expect(after.status).toBe('active');
    // The extend transition wrote the session doc, payment included: the settlement adds no second write.
    expect(await sessionDocWrites(s, sessionId, queued)).toBe(1);
    await settle(s);
    expect(await sessionDoc(s, sessionId)).toMatchObject({ status: 'active', payment_status: 'paid' });

    const ext2 = await extension();
    const pe2 = (await paymentOf(s, `extension:${ext2}`))!;
    await xendit.expire(pe2.provider_invoice_id!);
    expect((await sessionRow(s, sessionId)).status).toBe('closing');
    expect(await paymentOf(s, `extension:${ext2}`)).toMatchObject({ status: 'expired' });
    expect((await callbackRows(s)).map((r) => r.outcome)).toEqual([
      'activated',
      'extension_applied',
      'extension_lapsed',
    ]);
  });

  it('callback lost → the hold ends the session at payment_hold_seconds anyway; the payment-timeout task then learns it was paid and flags it for refund; late/duplicate timeouts do nothing', async () => {
    const { s, xendit } = stack();
    const paid = await pendingPaidSession(s);
    const lapsed = await pendingPaidSession(s);
    const pp = (await paymentOf(s, `session:${paid.sessionId}`))!;
    await xendit.pay(pp.provider_invoice_id!, { callback: false });
    await advance(s, 300 + 61); // past the hold (its timer) and the invoice's expiry + grace (the timeout tasks)
    // SPEC §13: the mitra is held no longer than the hold, whatever the provider says or fails to say.
    for (const x of [paid, lapsed]) expect((await sessionRow(s, x.sessionId)).status).toBe('cancelled');
    expect(
      (await s.rt.db.query('SELECT cancel_reason FROM chat_sessions WHERE id = $1', [paid.sessionId])).rows[0],
    ).toEqual({ cancel_reason: 'payment_hold_expired' });
    expect(await paymentOf(s, `session:${paid.sessionId}`)).toMatchObject({
      status: 'flagged',
      flag_reason: 'paid_after_session_moved_on',
    });
    expect(await paymentOf(s, `session:${lapsed.sessionId}`)).toMatchObject({ status: 'expired' });
    expect(await callbackRows(s)).toEqual([]); // settled without any callback
    // The same task delivered again, late: nothing moves.
    const again = await json(task(s, '/tasks/payments/timeout', { payment_id: pp.id }));
    expect(again).toEqual({ outcome: 'already_settled' });
    expect((await sessionRow(s, paid.sessionId)).version).toBe(2);
  });

  it('callback lost and its timeout lost → the reconciliation job settles what the provider reports', async () => {
    const { s, xendit } = stack();
    const a = await pendingPaidSession(s);
    const b = await pendingPaidSession(s);
    const pa = (await paymentOf(s, `session:${a.sessionId}`))!;
    await xendit.pay(pa.provider_invoice_id!, { callback: false });
    await s.rt.db.query("UPDATE local_deliveries SET status = 'done' WHERE path = '/tasks/payments/timeout'"); // lost
    // The 10-minute Cloud Scheduler job (CRON_JOBS) runs as the clock passes the invoices' expiry; the
    // hold ended both sessions first, so the payment it finds paid is flagged for refund.
    await advance(s, 600 + 1);
    for (const x of [a, b]) expect((await sessionRow(s, x.sessionId)).status).toBe('cancelled');
    expect(await paymentOf(s, `session:${a.sessionId}`)).toMatchObject({ status: 'flagged' });
    expect(await paymentOf(s, `session:${b.sessionId}`)).toMatchObject({ status: 'expired' });
    const first = await json(task(s, '/tasks/payments/reconcile'));
    expect(first).toEqual({ checked: 0, settled: 0, failed: 0, callbacks_reprocessed: 0 });
    expect(await json(task(s, '/tasks/payments/reconcile'))).toEqual({
      checked: 0,
      settled: 0,
      failed: 0,
      callbacks_reprocessed: 0,
    });
  });

  it('provider outage at accept → the accept succeeds, the invoice task retries, and the link appears once the provider is back', async () => {
    const { s, xendit } = stack();
    await xendit.outage(true);
    const { sessionId } = await pendingPaidSession(s); // asserts the accept answered 200 pending_payment
    expect(await paymentOf(s, `session:${sessionId}`)).toMatchObject({ status: 'creating', invoice_url: null });
    expect((await sessionDoc(s, sessionId)).xendit_invoice_url ?? null).toBeNull();
    const failed = await s.rt.db.query(
      "SELECT attempts, last_status FROM local_deliveries WHERE path = '/tasks/payments/create-invoice'",
    );
    expect(failed.rows[0]).toMatchObject({ last_status: 503 });

    await xendit.outage(false);
    await advance(s, 5); // the dispatcher's backoff
    const p = (await paymentOf(s, `session:${sessionId}`))!;
    expect(p.status).toBe('pending');
    expect(await sessionDoc(s, sessionId)).toMatchObject({ xendit_invoice_url: p.invoice_url });
    expect(await xendit.pay(p.provider_invoice_id!)).toBe(200);
    expect((await sessionRow(s, sessionId)).status).toBe('active');
  });

  it('provider down for the whole payment window → the session is released (no link was ever shown)', async () => {
    const { s, xendit } = stack();
    await xendit.outage(true);
    const { sessionId } = await pendingPaidSession(s);
    // Its retries given up (dead): the reconciliation job is what releases the mitra.
    await s.rt.db.query("UPDATE local_deliveries SET status = 'dead' WHERE path = '/tasks/payments/create-invoice'");
    // The scheduled reconciliation finds the invoice-less payment past its window and releases it.
    await advance(s, 900 + 121);
    expect((await sessionRow(s, sessionId)).status).toBe('cancelled');
    const r = await json(task(s, '/tasks/payments/reconcile'));
    expect(r).toMatchObject({ checked: 0, settled: 0 });
    await xendit.outage(false);
    const late = await json(task(s, '/tasks/payments/create-invoice', { kind: 'session', session_id: sessionId }));
    expect(late.outcome).toBe('exists');
    expect(await xendit.invoice(`session:${sessionId}`)).toBeUndefined();
  });

  it('a create-invoice task still retrying past the deadline releases the session itself', async () => {
    const { s, xendit } = stack();
    await xendit.outage(true);
    const { sessionId } = await pendingPaidSession(s);
    await advance(s, 901);
    await xendit.outage(false);
    await advance(s, 120); // the next retry finds the deadline passed
    expect((await sessionRow(s, sessionId)).status).toBe('cancelled');
    expect(await paymentOf(s, `session:${sessionId}`)).toMatchObject({ status: 'expired', provider_invoice_id: null });
    expect(await xendit.invoice(`session:${sessionId}`)).toBeUndefined();
  });
});
