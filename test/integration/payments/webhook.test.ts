import { describe, expect, it } from 'vitest';

import { bearer } from '../../helpers/auth';
import { json } from '../../helpers/http';
import { settle } from '../../helpers/pairing';
import { flaggedPayments } from '../../../shared/payments';
import {
  CALLBACK_TOKEN,
  callbackRows,
  paymentOf,
  pendingPaidSession,
  postCallback,
  sessionDoc,
  sessionRow,
  usePaymentStack,
} from '../../helpers/payments';

const stack = usePaymentStack();

describe('POST /webhooks/xendit/invoice', () => {
  it('accept → invoice (25 000 IDR, deep links) in the session doc → paid: 5 parallel duplicate callbacks activate the session exactly once', async () => {
    const { s, xendit } = stack();
    const { sessionId, customer } = await pendingPaidSession(s);
    const payment = (await paymentOf(s, `session:${sessionId}`))!;
    expect(payment).toMatchObject({ status: 'pending', amount_idr: 25000, currency: 'IDR' });
    expect(payment.invoice_url).toContain(`/web/invoices/${payment.provider_invoice_id}`);
    const inv = await xendit.invoice(`session:${sessionId}`);
    expect(inv).toMatchObject({ id: payment.provider_invoice_id, amount: 25000, status: 'PENDING' });
    // invoice_duration: the payment hold (payment_hold_seconds, 300 s by default, SPEC §13)
    expect(new Date(inv!.expiry_date as string).getTime() - new Date(inv!.created as string).getTime()).toBe(300_000);
    const doc = await sessionDoc(s, sessionId);
    expect(doc).toMatchObject({
      status: 'pending_payment',
      xendit_invoice_url: payment.invoice_url,
      payment_status: 'pending',
    });
    // The same link in the pending session payload the customer app resumes into (SPEC §8).
    const active = await json(s.request('/api/client/sessions/active', { headers: bearer(customer.token) }));
    expect(active.session).toMatchObject({
      id: sessionId,
      status: 'pending_payment',
      xendit_invoice_url: payment.invoice_url,
    });

    // Paid at the fake without its callback, then the same callback delivered 5 times at once.
    expect(await xendit.pay(payment.provider_invoice_id!, { callback: false })).toBeNull();
    expect((await sessionRow(s, sessionId)).status).toBe('pending_payment'); // nothing unlocks without a callback
    const codes = await Promise.all(Array.from({ length: 5 }, () => xendit.redeliver(payment.provider_invoice_id!)));
    expect(codes).toEqual([200, 200, 200, 200, 200]);

    const session = await sessionRow(s, sessionId);
    expect(session.status).toBe('active');
    expect(session.version).toBe(2); // one transition, not five
    expect(session.ends_at!.getTime() - session.started_at!.getTime()).toBe(30 * 60_000);
    expect(await callbackRows(s)).toEqual([
      { provider_invoice_id: payment.provider_invoice_id, status: 'PAID', outcome: 'activated' },
    ]);
    expect(await paymentOf(s, `session:${sessionId}`)).toMatchObject({ status: 'paid', paid_amount: 25000 });
    const expiries = await s.rt.db.query("SELECT name FROM local_deliveries WHERE path = '/tasks/sessions/expire'");
    expect(expiries.rowCount).toBe(1);

    // A late replay (also after SETTLED) changes nothing and still answers 200.
    await settle(s);
    expect(await xendit.redeliver(payment.provider_invoice_id!)).toBe(200);
    const settled = await json(postCallback(s, { ...inv, status: 'SETTLED', paid_amount: 25000 }));
    expect(settled).toEqual({ received: true, duplicate: false, outcome: 'already_settled' });
    expect((await sessionRow(s, sessionId)).version).toBe(2);
    expect(await sessionDoc(s, sessionId)).toMatchObject({
      status: 'active',
      payment_status: 'paid',
      xendit_invoice_url: null,
    });
  });
});

describe('the webhook refuses what it cannot trust', () => {
  it('a wrong, missing or different-length token → 401 CALLBACK_TOKEN_INVALID and nothing recorded (even with a valid body)', async () => {
    const { s } = stack();
    const { sessionId } = await pendingPaidSession(s);
    const p = (await paymentOf(s, `session:${sessionId}`))!;
    const body = {
      id: p.provider_invoice_id,
      external_id: p.external_id,
      status: 'PAID',
      amount: 25000,
      currency: 'IDR',
    };
    for (const token of ['cb-token-test-0123456788', null, 'x', '', `${CALLBACK_TOKEN}x`]) {
      const res = await postCallback(s, body, token);
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('CALLBACK_TOKEN_INVALID');
    }
    // A wrong token with a malformed body is still a 401: the token is checked before the body is read.
    expect((await postCallback(s, '{', 'nope')).status).toBe(401);
    expect(await callbackRows(s)).toEqual([]);
    expect((await sessionRow(s, sessionId)).status).toBe('pending_payment');
  });

  it('malformed payloads with the right token → 400, never 500, and nothing recorded', async () => {
    const { s } = stack();
    const valid = { id: 'inv_1', external_id: 'session:x', status: 'PAID', amount: 25000, currency: 'IDR' };
    const bodies: unknown[] = [
      '',
      '{',
      'null',
      '[]',
      '"PAID"',
      {},
      { ...valid, id: undefined },
      { ...valid, id: '' },
      { ...valid, id: 42 },
      { ...valid, external_id: null },
      { ...valid, status: 'PENDING' },
      { ...valid, status: 'paid' },
      { ...valid, amount: '25000' },
      { ...valid, amount: -1 },
      { ...valid, currency: 'RUPIAH' },
      { ...valid, paid_amount: {} },
      { ...valid, id: 'x'.repeat(300) },
      { ...valid, external_id: 'session:\u0000' },
    ];
    for (const body of bodies) {
      const res = await postCallback(s, body);
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
      expect((await res.json()).error.code).toBe('BAD_REQUEST');
    }
    expect(await callbackRows(s)).toEqual([]);
  });

  it('a lone UTF-16 surrogate in id, external_id, currency or paid_at → 400 and nothing recorded (was a 500)', async () => {
    const { s } = stack();
    const valid = { id: 'inv_2', external_id: 'session:y', status: 'PAID', amount: 25000, currency: 'IDR' };
    // JSON.stringify writes a lone surrogate as the escape Postgres refuses: "\ud800".
    const lone = {
      id: ['\ud800', '\udfff', 'a\udbffb'],
      external_id: ['session:\ud800', '\udc00session'],
      currency: ['I\ud800R', 'ID\udfff'], // three UTF-16 units, as the schema counts
      paid_at: ['2026-01-01T00:00:00\ud83d'],
    };
    for (const [field, values] of Object.entries(lone)) {
      for (const value of values) {
        const res = await postCallback(s, { ...valid, [field]: value });
        expect([field, value, res.status]).toEqual([field, value, 400]);
        expect((await res.json()).error.code).toBe('BAD_REQUEST');
      }
    }
    // A real character outside the BMP (a surrogate pair) is text like any other: recorded.
    expect((await postCallback(s, { ...valid, id: 'inv_😀' })).status).toBe(200);
    expect(await callbackRows(s)).toEqual([
      { provider_invoice_id: 'inv_😀', status: 'PAID', outcome: 'unknown_invoice' },
    ]);
  });

  it('amount or currency mismatch → payment flagged (operators see why), nothing unlocked, duplicates change nothing', async () => {
    const { s, xendit } = stack();
    const a = await pendingPaidSession(s);
    const pa = (await paymentOf(s, `session:${a.sessionId}`))!;
    expect(await xendit.pay(pa.provider_invoice_id!, { overrides: { amount: 1000, paid_amount: 1000 } })).toBe(200);
    expect(await xendit.redeliver(pa.provider_invoice_id!, { amount: 1000, paid_amount: 1000 })).toBe(200);
    expect(await paymentOf(s, `session:${a.sessionId}`)).toMatchObject({
      status: 'flagged',
      flag_reason: 'amount_mismatch: expected 25000 IDR, got 1000 IDR',
      paid_amount: 1000,
    });
    expect((await sessionRow(s, a.sessionId)).status).toBe('pending_payment');
    // Even a correct callback afterwards unlocks nothing: the payment is already settled (flagged).
    expect(await xendit.redeliver(pa.provider_invoice_id!, { status: 'SETTLED' })).toBe(200);
    expect((await sessionRow(s, a.sessionId)).status).toBe('pending_payment');

    const b = await pendingPaidSession(s);
    const pb = (await paymentOf(s, `session:${b.sessionId}`))!;
    await xendit.pay(pb.provider_invoice_id!, { overrides: { currency: 'USD' } });
    expect(await paymentOf(s, `session:${b.sessionId}`)).toMatchObject({
      status: 'flagged',
      flag_reason: 'currency_mismatch: expected IDR, got USD',
    });
    expect((await sessionRow(s, b.sessionId)).status).toBe('pending_payment');
    expect((await flaggedPayments(s.rt.db)).map((f) => f.session_id).sort()).toEqual([a.sessionId, b.sessionId].sort());
    expect((await callbackRows(s)).map((r) => r.outcome)).toEqual([
      'flagged_mismatch',
      'already_settled',
      'flagged_mismatch',
    ]);
  });

  it('a callback paying less than the invoice (paid_amount) is flagged and unlocks nothing, though its amount matches', async () => {
    const { s, xendit } = stack();
    const { sessionId } = await pendingPaidSession(s);
    const p = (await paymentOf(s, `session:${sessionId}`))!;
    expect(await xendit.pay(p.provider_invoice_id!, { overrides: { amount: 25000, paid_amount: 20000 } })).toBe(200);
    expect(await paymentOf(s, `session:${sessionId}`)).toMatchObject({
      status: 'flagged',
      flag_reason: 'amount_mismatch: expected 25000 IDR, got 20000 IDR',
      paid_amount: 20000,
    });
    expect(await sessionRow(s, sessionId)).toMatchObject({ status: 'pending_payment', version: 1 });
    expect(await callbackRows(s)).toEqual([
      { provider_invoice_id: p.provider_invoice_id, status: 'PAID', outcome: 'flagged_mismatch' },
    ]);
  });

  it('a callback for a session that moved on unlocks nothing, is kept with its outcome, and flags the money for review; an unknown invoice is acknowledged and kept', async () => {
    const { s, xendit } = stack();
    const { sessionId } = await pendingPaidSession(s);
    const p = (await paymentOf(s, `session:${sessionId}`))!;
    // The customer abandoned before paying (the sessions feature's cancel), then paid anyway.
    await s.rt.db.query("UPDATE chat_sessions SET status = 'cancelled', cancel_reason = 'abandoned' WHERE id = $1", [
      sessionId,
    ]);
    expect(await xendit.pay(p.provider_invoice_id!)).toBe(200);
    expect((await sessionRow(s, sessionId)).status).toBe('cancelled');
    expect(await paymentOf(s, `session:${sessionId}`)).toMatchObject({
      status: 'flagged',
      flag_reason: 'paid_after_session_moved_on',
      paid_amount: 25000,
    });

    const unknown = await json(
      postCallback(s, { id: 'inv_elsewhere', external_id: 'order:77', status: 'PAID', amount: 5, currency: 'IDR' }),
    );
    expect(unknown).toEqual({ received: true, duplicate: false, outcome: 'unknown_invoice' });
    expect(await callbackRows(s)).toEqual([
      { provider_invoice_id: p.provider_invoice_id, status: 'PAID', outcome: 'paid_but_moved_on' },
      { provider_invoice_id: 'inv_elsewhere', status: 'PAID', outcome: 'unknown_invoice' },
    ]);
  });
});
