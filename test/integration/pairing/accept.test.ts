import { randomUUID } from 'node:crypto';
import { appCheckVerifier } from '../../../shared/adapters/app-check';
import { appCheckGate } from '../../../shared/auth';
import { beforeEach, describe, expect, it } from 'vitest';
import { authGuards, refreshPolicy } from '../../../shared/auth/guards';
import { createAuthSession } from '../../../shared/auth/refresh-sessions';
import { acceptRequest } from '../../../shared/pairing/accept-request';
import { pairingDeps } from '../../../shared/pairing/deps';
import { expectError, json } from '../../helpers/http';
import {
  accept,
  chatRequest,
  customerWithDevice,
  freeTrialRequest,
  onlineMitra,
  pushes,
  realtime,
  settle,
} from '../../helpers/pairing';
import { useTestStack, type TestStack } from '../../helpers/runtime';
import { setConfig } from '../../helpers/sessions';

const stack = useTestStack();
let s: TestStack;
beforeEach(() => {
  s = stack();
});

/** The accept use case as an instance whose clock reads `at` sees it. */
const acceptAt = (at: Date, mitraId: string, requestId: string) =>
  acceptRequest(
    {
      ...pairingDeps(s.rt, { appCheck: appCheckGate(appCheckVerifier(s.rt.env), false, s.rt.logger) }),
      clock: { now: () => at },
    },
    mitraId,
    requestId,
  );

const requestRow = async (id: string) =>
  (await s.rt.db.query('SELECT status, expires_at FROM chat_requests WHERE id = $1', [id])).rows[0];

const notifications = async (requestId: string) =>
  (
    await s.rt.db.query(
      'SELECT mitra_id, status, reason FROM chat_request_notifications WHERE request_id = $1 ORDER BY mitra_id',
      [requestId],
    )
  ).rows;

/** Every timer the accept scheduled for a session, by name (a task's name is its idempotency key). */
const tasksOf = async (sessionId: string) =>
  (
    await s.rt.db.query(`SELECT name, path, body FROM local_deliveries WHERE body->>'session_id' = $1 ORDER BY name`, [
      sessionId,
    ])
  ).rows;

describe('accept: who may, and until when', () => {
  it('a deactivated mitra, or a token whose mitra has no row, is 403 ACCOUNT_INACTIVE and takes nothing', async () => {
    const c = await customerWithDevice(s);
    const m = await onlineMitra(s);
    const req = await json(chatRequest(s, c.token));
    await s.rt.db.query('UPDATE mitras SET is_active = false WHERE id = $1', [m.id]);
    const refused = await accept(s, m, req.request_id);
    expect(refused.status).toBe(403);
    expect((await json(refused)).error.code).toBe('ACCOUNT_INACTIVE');

    const ghostId = randomUUID();
    const now = s.rt.clock.now();
    const { sessionId } = await createAuthSession(s.rt.db, 'mitra', ghostId, {}, now, refreshPolicy(s.rt.env));
    const token = await authGuards(s.rt).accessTokens.sign({ userId: ghostId, userType: 'mitra', sessionId });
    const ghost = await accept(s, { id: ghostId, token }, req.request_id);
    expect(ghost.status).toBe(403);
    expect((await json(ghost)).error.code).toBe('ACCOUNT_INACTIVE');
    expect((await requestRow(req.request_id)).status).toBe('searching');
  });

  it('expired from expires_at on: before its timer ran, at that very millisecond, and on an instance whose clock lags', async () => {
    const c = await customerWithDevice(s);
    const m = await onlineMitra(s);
    const req = await json(chatRequest(s, c.token));
    const { expires_at } = await requestRow(req.request_id);
    await expect(acceptAt(new Date(expires_at.getTime() + 1000), m.id, req.request_id)).rejects.toMatchObject({
      code: 'REQUEST_EXPIRED',
    });
    await expect(acceptAt(expires_at, m.id, req.request_id)).rejects.toMatchObject({ code: 'REQUEST_EXPIRED' });
    expect((await requestRow(req.request_id)).status).toBe('searching'); // the timer has not run
    const won = await acceptAt(new Date(expires_at.getTime() - 1), m.id, req.request_id);
    expect(won.session_status).toBe('pending_payment');

    // Another request runs out and its timer expires it; an instance whose clock is a second behind
    // still refuses it (the status says so, whatever that clock reads).
    const c2 = await customerWithDevice(s);
    const m2 = await onlineMitra(s);
    const req2 = await json(chatRequest(s, c2.token));
    const row2 = await requestRow(req2.request_id);
    await s.rt.local!.advanceClock((row2.expires_at.getTime() - s.rt.clock.now().getTime()) / 1000 + 1);
    expect((await requestRow(req2.request_id)).status).toBe('expired');
    await expect(acceptAt(new Date(row2.expires_at.getTime() - 1000), m2.id, req2.request_id)).rejects.toMatchObject({
      code: 'REQUEST_EXPIRED',
    });
    const late = await accept(s, m2, req2.request_id);
    expect(late.status).toBe(410);
    expect((await json(late)).error.code).toBe('REQUEST_EXPIRED');
  });

  it('an offer that timed out unanswered may still be taken; the other timed-out offers stay ignored (the mitra’s record, SPEC §6)', async () => {
    const c = await customerWithDevice(s);
    const [m1, m2] = [await onlineMitra(s), await onlineMitra(s)];
    const req = await json(chatRequest(s, c.token));
    expect(req.notified_mitras).toBe(2);
    await s.rt.local!.advanceClock(61); // request_notification_timeout_seconds: 60
    expect((await notifications(req.request_id)).map((n) => n.status)).toEqual(['ignored', 'ignored']);
    expect((await accept(s, m1!, req.request_id)).status).toBe(200);
    expect(await notifications(req.request_id)).toEqual(
      [
        { mitra_id: m1!.id, status: 'accepted', reason: null },
        { mitra_id: m2!.id, status: 'ignored', reason: 'no_response' },
      ].sort((a, b) => a.mitra_id.localeCompare(b.mitra_id)),
    );
    // The other ignored offer's doc closes as taken by another, and its app is told to clear the alert.
    await settle(s);
    expect((await realtime(s, `mitras/${m2!.id}/offers/${req.request_id}`)).data.status).toBe('missed');
    expect((await pushes(s, m2!.id)).map((p) => p.data)).toContainEqual(
      expect.objectContaining({ type: 'request_withdrawn', request_id: req.request_id, reason: 'taken' }),
    );
  });
});

describe('accept: when the session cannot be stored', () => {
  /** Customer A already has a live session; a request of theirs that got past the one-live rule is offered to m2. */
  async function secondRequestOfALiveCustomer() {
    const a = await customerWithDevice(s);
    await accept(s, await onlineMitra(s), (await json(chatRequest(s, a.token))).request_id);
    const b = await customerWithDevice(s);
    const m2 = await onlineMitra(s);
    const req = await json(chatRequest(s, b.token));
    await s.rt.db.query('UPDATE chat_requests SET customer_id = $2 WHERE id = $1', [req.request_id, a.id]);
    return { m2, requestId: req.request_id as string };
  }

  it('the customer got a live session another way meanwhile → 409 ALREADY_ACTIVE, and the request still searches', async () => {
    const { m2, requestId } = await secondRequestOfALiveCustomer();
    await expectError(accept(s, m2, requestId), 409, 'ALREADY_ACTIVE');
    expect((await requestRow(requestId)).status).toBe('searching');
  });

  it('any other failure to store it is not reported as ALREADY_ACTIVE', async () => {
    const m = await onlineMitra(s);
    const c = await customerWithDevice(s);
    const req = await json(chatRequest(s, c.token));
    await s.rt.db.query(`CREATE FUNCTION refuse_session() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'injected' USING ERRCODE = 'check_violation'; END $$`);
    await s.rt.db.query(
      'CREATE TRIGGER refuse_session BEFORE INSERT ON chat_sessions FOR EACH ROW EXECUTE FUNCTION refuse_session()',
    );
    await expectError(accept(s, m, req.request_id), 500, 'INTERNAL');
    expect((await requestRow(req.request_id)).status).toBe('searching');
  });
});

describe('accept: what it sets in motion', () => {
  it('a paid session: both names in the session doc, the winner’s offer doc accepted, one invoice task and the payment hold, no expiry', async () => {
    const c = await customerWithDevice(s);
    const m = await onlineMitra(s, { name: 'Bestie Nadia' });
    const req = await json(chatRequest(s, c.token));
    const { session_id } = await json(accept(s, m, req.request_id));
    await settle(s);
    const customer = (await s.rt.db.query('SELECT display_name FROM customers WHERE id = $1', [c.id])).rows[0];
    expect(customer.display_name).toBeTruthy();
    expect((await realtime(s, `sessions/${session_id}`)).data).toMatchObject({
      customer_name: customer.display_name,
      mitra_name: 'Bestie Nadia',
    });
    expect((await realtime(s, `mitras/${m.id}/offers/${req.request_id}`)).data).toMatchObject({
      status: 'accepted',
      session_id,
    });
    expect((await tasksOf(session_id)).map((t) => ({ name: t.name, path: t.path, body: t.body }))).toEqual([
      {
        name: `payment-invoice:session:${session_id}`,
        path: '/tasks/payments/create-invoice',
        body: { kind: 'session', session_id },
      },
      {
        name: `session-payment-hold:${session_id}:v1`,
        path: '/tasks/sessions/payment-hold',
        body: { session_id, version: 1 },
      },
    ]);
  });

  it('a free trial: its expiry task is named for the session and its version; no invoice', async () => {
    const c = await customerWithDevice(s, { verified: true });
    const m = await onlineMitra(s);
    const req = await json(freeTrialRequest(s, c));
    const { session_id } = await json(accept(s, m, req.request_id));
    await settle(s);
    expect((await tasksOf(session_id)).map((t) => ({ name: t.name, path: t.path }))).toEqual([
      { name: `session-expire:${session_id}:v1`, path: '/tasks/sessions/expire' },
    ]);
  });

  it('customers paired one after another are each pushed `paired` (the push is deduplicated per session)', async () => {
    const m = await onlineMitra(s);
    await setConfig(s, 'max_customers_per_mitra', 3);
    const paired: string[] = [];
    for (let i = 0; i < 2; i++) {
      const c = await customerWithDevice(s);
      const req = await json(chatRequest(s, c.token));
      const { session_id } = await json(accept(s, m, req.request_id));
      await settle(s);
      expect((await pushes(s, c.id)).map((p) => p.data)).toEqual([
        expect.objectContaining({ type: 'paired', session_id }),
      ]);
      paired.push(session_id);
    }
    expect(new Set(paired).size).toBe(2);

    // The same customer (the same device) paired again after an unpaid session ended: pushed again.
    const c = await customerWithDevice(s);
    const sessions: string[] = [];
    for (let i = 0; i < 2; i++) {
      const mitra = await onlineMitra(s); // fresh: the hold outlasts a heartbeat
      const req = await json(chatRequest(s, c.token));
      sessions.push((await json(accept(s, mitra, req.request_id))).session_id);
      await settle(s); // its push delivered before the clock jumps past the relay's lease on it
      await s.rt.local!.advanceClock(300 + 1); // payment_hold_seconds: unpaid, cancelled
    }
    expect((await pushes(s, c.id)).filter((p) => p.data.type === 'paired').map((p) => p.data.session_id)).toEqual(
      sessions,
    );
  });
});
