import { beforeEach, describe, expect, it } from 'vitest';
import { commitWithEffects } from '../../../shared/outbox';
import { capacityUsed, endSessionByOperator, sessionPaymentHooks, sessionsDeps } from '../../../shared/sessions';
import { json } from '../../helpers/http';
import { accept, chatRequest, customerWithDevice, onlineMitra, pushes, realtime, settle } from '../../helpers/pairing';
import { useTestStack, type TestStack } from '../../helpers/runtime';
import { recordStatements } from '../../helpers/statements';
import {
  act,
  activeFreeTrialSession,
  deliver,
  get,
  redeliverSessionTimers,
  row,
  send,
  setConfig,
  snapshot,
} from '../../helpers/sessions';

const stack = useTestStack();
let s: TestStack;
beforeEach(() => {
  s = stack();
});

const doc = async (id: string) => (await realtime(s, `sessions/${id}`)).data;

describe('the session state machine and its timers', () => {
  it('active → expired at ends_at → closing when the extension window passes → completed after the grace', async () => {
    const t = await activeFreeTrialSession(s);
    await s.rt.local!.advanceClock(10 * 60);
    expect(await row(s, t.sessionId)).toMatchObject({ status: 'expired', version: 2 });
    expect(await doc(t.sessionId)).toMatchObject({ status: 'expired', version: 2 });
    // Time-up is an alert to each side, its text from the other side's name.
    const timeUp = (await pushes(s, t.customer.id)).at(-1)!;
    expect(timeUp.data).toEqual({ type: 'time_up', session_id: t.sessionId });
    expect(timeUp.notification).toMatchObject({ title: 'Waktu curhat habis' });
    expect(timeUp.apns.headers).toMatchObject({ 'apns-priority': '10', 'apns-push-type': 'alert' });
    expect((await pushes(s, t.mitra.id)).at(-1)!.notification).toMatchObject({ title: 'Waktu sesi habis' });
    const view = await json(get(s, t.customer, `/sessions/${t.sessionId}`));
    expect(Date.parse(view.extension_window_ends_at) - Date.parse(view.expired_at)).toBe(300_000);

    await s.rt.local!.advanceClock(300);
    expect(await row(s, t.sessionId)).toMatchObject({ status: 'closing', closing_reason: 'time_up', version: 3 });
    expect(await doc(t.sessionId)).toMatchObject({ status: 'closing', closing_reason: 'time_up' });
    await s.rt.local!.advanceClock(300); // closing_grace_seconds default
    expect(await row(s, t.sessionId)).toMatchObject({ status: 'completed', version: 4 });
    expect(await doc(t.sessionId)).toMatchObject({ status: 'completed' });

    // every timer delivered twice more, and late: nothing moves, nobody is told again
    const before = await snapshot(s, t.sessionId);
    await s.rt.local!.advanceClock(3600);
    expect(await redeliverSessionTimers(s)).toBeGreaterThanOrEqual(3);
    expect(await redeliverSessionTimers(s)).toBeGreaterThanOrEqual(3);
    await settle(s);
    expect(await snapshot(s, t.sessionId)).toEqual(before);
  });

  it('the current expiry task delivered early (Cloud Tasks may) changes nothing; on time it expires the session', async () => {
    const t = await activeFreeTrialSession(s);
    // Halfway: real time keeps running under the test clock, so a loaded machine cannot make it due.
    await s.rt.local!.advanceClock(5 * 60);
    const { rows } = await s.rt.db.query<{ body: { session_id: string; version: number } }>(
      "SELECT body FROM local_deliveries WHERE path = '/tasks/sessions/expire' AND status = 'pending'",
    );
    expect(rows.map((r) => r.body)).toEqual([{ session_id: t.sessionId, version: 1 }]);
    const before = await snapshot(s, t.sessionId);
    expect((await deliver(s, '/tasks/sessions/expire', rows[0]!.body)).status).toBe(204);
    await settle(s);
    expect(await snapshot(s, t.sessionId)).toEqual(before);
    expect(before).toMatchObject({ status: 'active', version: 1 });
    expect((await send(s, t.customer, t.sessionId, 'masih ada waktu')).status).toBe(201);
    await s.rt.local!.advanceClock(5 * 60);
    expect(await row(s, t.sessionId)).toMatchObject({ status: 'expired', version: 2 });
  });

  it('both goodbyes complete at once; one goodbye per side; only while closing; the other side sees it', async () => {
    const t = await activeFreeTrialSession(s);
    const early = await act(s, t.customer, t.sessionId, 'goodbye', { message: 'dah' });
    expect(early.status).toBe(409);
    expect((await json(early)).error.code).toBe('SESSION_NOT_CLOSING');
    await s.rt.local!.advanceClock(10 * 60);
    await s.rt.local!.advanceClock(5 * 60);
    expect((await row(s, t.sessionId)).status).toBe('closing');
    const first = await act(s, t.customer, t.sessionId, 'goodbye', { message: 'Makasih ya' });
    expect(first.status).toBe(200);
    expect((await json(first)).goodbyes.customer).toMatchObject({ message: 'Makasih ya' });
    const again = await act(s, t.customer, t.sessionId, 'goodbye', {});
    expect((await json(again)).error.code).toBe('GOODBYE_ALREADY_SENT');
    await settle(s);
    expect((await doc(t.sessionId)).goodbyes.customer.message).toBe('Makasih ya');
    // A goodbye is only synced (the session doc shows it): a background push.
    const goodbye = (await pushes(s, t.mitra.id)).at(-1)!;
    expect(goodbye.data).toMatchObject({ type: 'goodbye', from: 'customer' });
    expect(goodbye).not.toHaveProperty('notification');
    expect(goodbye.apns).toMatchObject({
      headers: { 'apns-priority': '5', 'apns-push-type': 'background' },
      payload: { aps: { contentAvailable: true } },
    });
    const second = await json(act(s, t.mitra, t.sessionId, 'goodbye', {}));
    expect(second.status).toBe('completed');
    expect(second.goodbyes.mitra).toEqual({ at: expect.any(String) });
    // the grace timer, when it fires, finds a newer version
    const before = await snapshot(s, t.sessionId);
    await s.rt.local!.advanceClock(600);
    await redeliverSessionTimers(s);
    expect(await snapshot(s, t.sessionId)).toEqual(before);
    expect((await act(s, t.mitra, t.sessionId, 'goodbye', {})).status).toBe(409);
  });

  it('early end per early_end config; the mitra’s place is freed at closing; a new request is possible', async () => {
    const m = await onlineMitra(s);
    const t = await activeFreeTrialSession(s, { mitra: m });
    expect(await capacityUsed(s.rt.db, m.id)).toBe(1);
    await setConfig(s, 'early_end', { mitra: true, customer: false });
    const refused = await act(s, t.customer, t.sessionId, 'end');
    expect(refused.status).toBe(403);
    expect((await json(refused)).error.code).toBe('EARLY_END_DISABLED');
    const ended = await act(s, t.mitra, t.sessionId, 'end');
    expect(ended.status).toBe(200);
    expect(await json(ended)).toMatchObject({ status: 'closing', closing_reason: 'ended_by_mitra' });
    expect(await capacityUsed(s.rt.db, m.id)).toBe(0);
    expect((await act(s, t.mitra, t.sessionId, 'end')).status).toBe(409);
    expect((await send(s, t.customer, t.sessionId, 'halo?')).status).toBe(409);
    const next = await chatRequest(s, t.customer.token, { topic_sensitivity: 'regular', tier_id: 'tier_30' });
    expect(next.status).toBe(201);
  });

  it('a mitra freed at closing is offered the request waiting for a place, in the same move (SPEC §6)', async () => {
    const m = await onlineMitra(s);
    const t = await activeFreeTrialSession(s, { mitra: m }); // at capacity 1
    const offeredTo = async (requestId: string) =>
      (
        await s.rt.db.query<{ mitra_id: string }>(
          'SELECT mitra_id FROM chat_request_notifications WHERE request_id = $1',
          [requestId],
        )
      ).rows.map((r) => r.mitra_id);
    const waiting = await json(chatRequest(s, (await customerWithDevice(s)).token));
    expect(await offeredTo(waiting.request_id)).toEqual([]);
    await setConfig(s, 'early_end', { mitra: true, customer: false });
    expect((await act(s, t.mitra, t.sessionId, 'end')).status).toBe(200);
    expect(await offeredTo(waiting.request_id)).toEqual([m.id]);
  });

  it('a move that frees no place (expiry) does not look for waiting requests to offer; closing does', async () => {
    const t = await activeFreeTrialSession(s);
    const offerLookups = (texts: string[]) => texts.filter((q) => /^WITH offered AS/.test(q)).length;
    const expiring = recordStatements(s.rt.db);
    await s.rt.local!.advanceClock(10 * 60);
    expiring.stop();
    expect((await row(s, t.sessionId)).status).toBe('expired');
    expect(offerLookups(expiring.texts)).toBe(0);
    const closing = recordStatements(s.rt.db);
    expect((await act(s, t.customer, t.sessionId, 'end')).status).toBe(200);
    closing.stop();
    expect(offerLookups(closing.texts)).toBe(1);
  });

  it('after time-up the customer may end (declining the extension) even when early end is off', async () => {
    const t = await activeFreeTrialSession(s);
    await setConfig(s, 'early_end', { mitra: false, customer: false });
    await s.rt.local!.advanceClock(10 * 60);
    const ended = await json(act(s, t.customer, t.sessionId, 'end'));
    expect(ended).toMatchObject({ status: 'closing', closing_reason: 'ended_by_customer' });
  });

  it('payment hooks: activate a paid session (expiry scheduled), cancel an unpaid one (capacity freed, both told)', async () => {
    const deps = sessionsDeps(s.rt);
    const { activatePaidSession, cancelUnpaidSession } = sessionPaymentHooks(deps);
    const m = await onlineMitra(s);
    const c = await customerWithDevice(s);
    const req = await json(chatRequest(s, c.token));
    const { session_id } = await json(accept(s, m, req.request_id));
    const now = s.rt.clock.now();
    const activate = () => commitWithEffects(deps, (t) => activatePaidSession(t, session_id, now));
    expect(await activate()).toBe(true);
    expect(await activate()).toBe(false); // a replay
    const r = await row(s, session_id);
    expect(r).toMatchObject({ status: 'active', version: 2 });
    expect(r.ends_at.getTime() - now.getTime()).toBe(30 * 60_000);
    await s.rt.local!.advanceClock(30 * 60);
    expect((await row(s, session_id)).status).toBe('expired');

    const c2 = await customerWithDevice(s);
    const m2 = await onlineMitra(s);
    const req2 = await json(chatRequest(s, c2.token));
    const { session_id: unpaid } = await json(accept(s, m2, req2.request_id));
    expect(await capacityUsed(s.rt.db, m2.id)).toBe(1);
    const at = s.rt.clock.now();
    const cancel = () => commitWithEffects(deps, (t) => cancelUnpaidSession(t, unpaid, at, 'payment_expired'));
    expect(await cancel()).toBe(true);
    expect(await cancel()).toBe(false);
    expect(await capacityUsed(s.rt.db, m2.id)).toBe(0);
    await settle(s);
    expect(await doc(unpaid)).toMatchObject({ status: 'cancelled', cancel_reason: 'payment_expired' });
    expect((await pushes(s, c2.id)).at(-1)!.data).toMatchObject({
      type: 'session_cancelled',
      reason: 'payment_expired',
    });
    // The customer is alerted; the mitra, whose place is freed, only syncs.
    expect((await pushes(s, c2.id)).at(-1)!.notification).toMatchObject({ title: 'Sesi dibatalkan' });
    expect((await pushes(s, m2.id)).at(-1)!.data).toEqual({
      type: 'session_updated',
      session_id: unpaid,
      status: 'cancelled',
    });
  });

  it('an operator ends a live session: active → closing (customer_banned), unpaid → cancelled, ended ones stay', async () => {
    const deps = sessionsDeps(s.rt);
    const t = await activeFreeTrialSession(s);
    const end = (id: string, reason: 'customer_banned' | 'mitra_deactivated') =>
      commitWithEffects(deps, (t) => endSessionByOperator(t, deps, id, reason));
    expect(await end(t.sessionId, 'customer_banned')).toEqual({ changed: true, status: 'closing' });
    expect(await row(s, t.sessionId)).toMatchObject({ closing_reason: 'customer_banned' });
    expect(await end(t.sessionId, 'customer_banned')).toEqual({ changed: false, status: 'closing' });
    const m = await onlineMitra(s);
    const c = await customerWithDevice(s);
    const { session_id } = await json(accept(s, m, (await json(chatRequest(s, c.token))).request_id));
    expect(await end(session_id, 'mitra_deactivated')).toEqual({ changed: true, status: 'cancelled' });
  });
});
