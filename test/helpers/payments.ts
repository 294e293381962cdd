import { afterEach, beforeEach, expect } from 'vitest';
import { freePort } from '../../scripts/local/free-port';
import { startFakeXendit } from '../../scripts/local/fake-xendit';
import type { PaymentRow } from '../../shared/payments/repo/payments';
import { json } from './http';
import { accept, chatRequest, customerWithDevice, onlineMitra, settle, type TestMitra } from './pairing';
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
      captureLogs: true,
      env: {
        XENDIT_API_BASE_URL: `http://127.0.0.1:${port}`,
        XENDIT_SECRET_KEY: SECRET_KEY,
        XENDIT_CALLBACK_TOKEN: CALLBACK_TOKEN,
      },
    });
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
// Read straight from the emulator through the port (the test route's schema is not what is under test here).
export const sessionDoc = async (s: TestStack, id: string) =>
  ((await s.rt.realtime.get(`sessions/${id}`)) ?? {}) as Record<string, unknown>;

/** The highest outbox row id now: what a later `sessionDocWrites` counts from. */
export const lastOutboxId = async (s: TestStack) =>
  Number((await s.rt.db.query('SELECT coalesce(max(id), 0) AS id FROM outbox')).rows[0].id);

/** The writes of the session doc (`sessions/{id}`) queued in the outbox after row `after`. */
export const sessionDocWrites = async (s: TestStack, sessionId: string, after: number) =>
  (
    await s.rt.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM outbox WHERE id > $1 AND payload->>'path' = $2",
      [after, `sessions/${sessionId}`],
    )
  ).rows[0]!.n;

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
  await settle(s); // the accept enqueued the invoice task; the relay and dispatcher run it

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
