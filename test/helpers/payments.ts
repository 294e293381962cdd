import { afterEach, beforeEach, expect } from 'vitest';
import { freePort } from '../../scripts/local/free-port';
import { startFakeXendit } from '../../scripts/local/fake-xendit';
import type { PoolClient } from 'pg';
import { enqueue, outbox } from '../../shared/outbox/outbox';
import { SESSION_EXPIRE_PATH, sessionDocPath } from '../../shared/pairing/paths';
import { paymentsDeps, type PaymentsDeps } from '../../shared/payments/deps';
import { invoiceTask } from '../../shared/payments/invoice-task';
import type { PaymentRow } from '../../shared/payments/repo';
import { json } from './http';
import { accept, chatRequest, customerWithDevice, onlineMitra, realtime, settle, type TestMitra } from './pairing';
import { createTestStack, type TestStack } from './runtime';

export const CALLBACK_TOKEN = 'cb-token-test-0123456789';
const SECRET_KEY = 'xnd_test_secret';

export interface FakeXenditControls {
  url: string;
  /** Pays at the fake; its callback goes through the in-process gateway (contract-checked) unless `callback: false`. */
  pay(invoiceId: string, opts?: { callback?: boolean; overrides?: Record<string, unknown> }): Promise<number | null>;
  expire(invoiceId: string, opts?: { callback?: boolean }): Promise<number | null>;
  /** Re-sends (redelivers) the invoice's callback, optionally altered. */
  redeliver(invoiceId: string, overrides?: Record<string, unknown>): Promise<number>;
  outage(down: boolean): Promise<void>;
  invoice(externalId: string): Promise<Record<string, unknown> | undefined>;
}

export interface PaymentStack {
  s: TestStack;
  xendit: FakeXenditControls;
}

/**
 * A test stack whose PaymentProvider is the real Xendit adapter talking HTTP to the fake Xendit on
 * 127.0.0.1; the fake's callbacks enter through the stack's gateway like Xendit's would.
 */
export function usePaymentStack(): () => PaymentStack {
  let current: (PaymentStack & { stop(): Promise<void> }) | undefined;
  beforeEach(async () => {
    const port = await freePort();
    const s = await createTestStack({
      env: {
        XENDIT_API_BASE_URL: `http://127.0.0.1:${port}`,
        XENDIT_SECRET_KEY: SECRET_KEY,
        XENDIT_CALLBACK_TOKEN: CALLBACK_TOKEN,
      },
    });
    const deps = paymentsDeps(s.rt);
    if ((deps.sessions.activatePaidSession as { unwired?: boolean }).unwired) standInSessionTransitions(deps);
    const fake = await startFakeXendit({
      db: s.rt.db,
      port,
      secretKey: SECRET_KEY,
      callbackToken: CALLBACK_TOKEN,
      callbackUrl: 'http://gateway.invalid/webhooks/xendit/invoice',
      publicUrl: `http://127.0.0.1:${port}`,
      now: () => s.rt.clock.now(),
      deliver: (url, init) => s.request(new URL(url).pathname, init),
    });
    const control = async (path: string, body: unknown = {}) =>
      json(
        fetch(`${fake.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      );
    const xendit: FakeXenditControls = {
      url: fake.url,
      pay: async (id, o = {}) =>
        (await control(`/_fake/invoices/${id}/pay${o.callback === false ? '?callback=false' : ''}`, o.overrides ?? {}))
          .callback_status,
      expire: async (id, o = {}) =>
        (await control(`/_fake/invoices/${id}/expire${o.callback === false ? '?callback=false' : ''}`)).callback_status,
      redeliver: async (id, overrides = {}) =>
        (await control(`/_fake/invoices/${id}/callback`, overrides)).callback_status,
      outage: async (down) => void (await control('/_fake/outage', { down })),
      invoice: async (externalId) => {
        const res = await fetch(`${fake.url}/_fake/invoices?external_id=${encodeURIComponent(externalId)}`);
        return res.status === 200 ? ((await res.json()) as Record<string, unknown>) : undefined;
      },
    };
    current = { s, xendit, stop: async () => (await fake.stop(), await s.close()) };
  });
  afterEach(() => current?.stop());
  return () => {
    if (!current) throw new Error('the payment stack is not up yet');
    return current;
  };
}

/** The Firestore session doc both apps listen to. */
export const sessionDoc = async (s: TestStack, id: string) => (await realtime(s, `sessions/${id}`)).data;

export async function paymentOf(s: TestStack, externalId: string): Promise<PaymentRow | undefined> {
  return (await s.rt.db.query<PaymentRow>('SELECT * FROM payments WHERE external_id = $1', [externalId])).rows[0];
}

export async function sessionRow(s: TestStack, id: string) {
  return (
    await s.rt.db.query<{ status: string; started_at: Date | null; ends_at: Date | null; version: number }>(
      'SELECT status, started_at, ends_at, version FROM chat_sessions WHERE id = $1',
      [id],
    )
  ).rows[0]!;
}

/**
 * A customer's paid request (tier_30, 25 000 IDR) accepted by a mitra: a pending_payment session.
 * The invoice task is enqueued here too: a no-op once the accept enqueues it itself (same task name).
 */
export async function pendingPaidSession(s: TestStack, mitra?: TestMitra) {
  const m = mitra ?? (await onlineMitra(s));
  const customer = await customerWithDevice(s);
  const req = await json(chatRequest(s, customer.token));
  const won = await accept(s, m, req.request_id);
  expect(won.status).toBe(200);
  const { session_id, session_status } = await won.json();
  expect(session_status).toBe('pending_payment');
  await enqueue(s.rt.db, invoiceTask('session', session_id, s.rt.clock.now()));
  await settle(s);
  return { mitra: m, customer, requestId: req.request_id as string, sessionId: session_id as string };
}

/** Posts a callback body straight to the webhook (as an attacker or a replaying provider would). */
/** `token: null` sends no x-callback-token header at all. */
export function postCallback(s: TestStack, body: unknown, token: string | null = CALLBACK_TOKEN) {
  return s.request('/webhooks/xendit/invoice', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { 'x-callback-token': token }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function callbackRows(s: TestStack) {
  return (
    await s.rt.db.query<{ provider_invoice_id: string; status: string; outcome: string | null }>(
      'SELECT provider_invoice_id, status, outcome FROM payment_callbacks ORDER BY id',
    )
  ).rows;
}

/**
 * STAND-IN for the sessions feature's transitions (activatePaidSession, cancelUnpaidSession,
 * applyPaidExtension, lapseExtension), which were not written yet when the payments tests were: the
 * same conditional UPDATEs they are specified to make, so the payment rules can be tested now. Used
 * only while shared/payments/deps.ts still binds the unwired placeholders; delete it once it binds the real ones.
 */
export function standInSessionTransitions(deps: PaymentsDeps) {
  const doc = async (c: PoolClient, id: string) => {
    const { rows } = await c.query('SELECT status, started_at, ends_at, version FROM chat_sessions WHERE id = $1', [
      id,
    ]);
    const r = rows[0] as { status: string; started_at: Date | null; ends_at: Date | null; version: number };
    await enqueue(
      c,
      outbox.setDoc(sessionDocPath(id), {
        status: r.status,
        started_at: r.started_at?.toISOString() ?? null,
        ends_at: r.ends_at?.toISOString() ?? null,
        version: r.version,
      }),
    );
    if (r.ends_at && r.status === 'active')
      await enqueue(
        c,
        outbox.task(
          `session-expire:${id}:v${r.version}`,
          SESSION_EXPIRE_PATH,
          { session_id: id, version: r.version },
          r.ends_at,
        ),
      );
  };
  const moved = async (c: PoolClient, sql: string, params: unknown[], id?: string) => {
    const res = await c.query(sql, params);
    if ((res.rowCount ?? 0) > 0 && id) await doc(c, id);
    return (res.rowCount ?? 0) > 0;
  };
  {
    const real = deps.sessions.payable;
    deps.sessions = {
      activatePaidSession: (c, id, now) =>
        moved(
          c,
          `UPDATE chat_sessions SET status = 'active', started_at = $2::timestamptz, ends_at = $2::timestamptz + make_interval(mins => duration_minutes),
             version = version + 1, updated_at = $2 WHERE id = $1 AND status = 'pending_payment'`,
          [id, now],
          id,
        ),
      cancelUnpaidSession: (c, id, now, reason) =>
        moved(
          c,
          `UPDATE chat_sessions SET status = 'cancelled', cancelled_at = $2, cancel_reason = $3, version = version + 1,
             updated_at = $2 WHERE id = $1 AND status = 'pending_payment'`,
          [id, now, reason],
          id,
        ),
      applyPaidExtension: async (c, extId, now) => {
        const ext = await c.query<{ session_id: string; duration_minutes: number }>(
          `UPDATE session_extensions SET status = 'applied', applied_at = $2, updated_at = $2 WHERE id = $1 AND status = 'accepted'
           RETURNING session_id, duration_minutes`,
          [extId, now],
        );
        if (!ext.rows[0]) return false;
        return moved(
          c,
          `UPDATE chat_sessions SET status = 'active', ends_at = GREATEST(ends_at, $2::timestamptz) + make_interval(mins => $3::int),
             version = version + 1, updated_at = $2 WHERE id = $1 AND status IN ('active', 'expired')`,
          [ext.rows[0].session_id, now, ext.rows[0].duration_minutes],
          ext.rows[0].session_id,
        );
      },
      lapseExtension: async (c, extId, now) => {
        const ext = await c.query<{ session_id: string }>(
          `UPDATE session_extensions SET status = 'lapsed', updated_at = $2 WHERE id = $1 AND status = 'accepted' RETURNING session_id`,
          [extId, now],
        );
        if (!ext.rows[0]) return false;
        return moved(
          c,
          `UPDATE chat_sessions SET status = 'closing', closing_at = $2, closing_reason = 'extension_lapsed', version = version + 1,
             updated_at = $2 WHERE id = $1 AND status IN ('active', 'expired')`,
          [ext.rows[0].session_id, now],
          ext.rows[0].session_id,
        );
      },
      payable: async (c, kind, id) => {
        if (kind === 'session') return real(c, kind, id);
        const { rows } = await c.query<{
          session_id: string;
          price_idr: number;
          duration_minutes: number;
          status: string;
        }>('SELECT session_id, price_idr, duration_minutes, status FROM session_extensions WHERE id = $1', [id]);
        const e = rows[0];
        return (
          e && {
            sessionId: e.session_id,
            amountIdr: e.price_idr,
            description: `Perpanjangan ${e.duration_minutes} menit`,
            payable: e.status === 'accepted',
          }
        );
      },
    };
  }
}
