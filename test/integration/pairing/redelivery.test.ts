import { beforeEach, describe, expect, it } from 'vitest';
import { bearer } from '../../helpers/auth';
import { json } from '../../helpers/http';
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

const stack = useTestStack();
let s: TestStack;
beforeEach(() => {
  s = stack();
});

/** Calls a private route exactly as Cloud Tasks / Pub/Sub push would (OIDC bearer from the local issuer). */
async function deliver(path: string, body: unknown) {
  const token = await s.rt.local!.issuer.sign(s.rt.env.OIDC_AUDIENCE);
  return s.request(path, { method: 'POST', json: body, headers: bearer(token) });
}
const envelope = (data: unknown, messageId = 'm-1') => ({
  message: {
    data: Buffer.from(JSON.stringify(data)).toString('base64'),
    messageId,
    publishTime: new Date().toISOString(),
    attributes: { type: 'chat_request' },
  },
  subscription: 'projects/demo/subscriptions/pairing-blast-push',
});

describe('redelivered and late triggers change nothing twice', () => {
  it('the Pub/Sub push delivered twice (and late) → pushes and offer docs are not duplicated', async () => {
    const c = await customerWithDevice(s);
    const m1 = await onlineMitra(s);
    const m2 = await onlineMitra(s);
    const req = await json(chatRequest(s, c.token));
    await settle(s); // the first delivery, through the local Pub/Sub dispatcher
    const data = { request_id: req.request_id, mitra_ids: [m1.id, m2.id] };
    expect((await deliver('/events/pairing/blast', envelope(data, 'again-1'))).status).toBe(204);
    await s.rt.local!.advanceClock(30);
    expect((await deliver('/events/pairing/blast', envelope(data, 'again-2'))).status).toBe(204);
    await settle(s);
    for (const m of [m1, m2]) {
      expect(await pushes(s, m.id)).toHaveLength(1);
    }
    const docWrites = await s.rt.db.query(
      "SELECT count(*)::int n FROM outbox WHERE kind = 'realtime' AND payload->>'path' LIKE $1",
      [`mitras/%/offers/${req.request_id}`],
    );
    expect(docWrites.rows[0].n).toBe(2);
    // a blast arriving after the request was taken sends nothing
    await accept(s, m1, req.request_id);
    await deliver('/events/pairing/blast', envelope(data, 'late'));
    await settle(s);
    // The offer, then its withdrawal when m1 took it; nothing from the late blast.
    expect((await pushes(s, m2.id)).map((p) => p.data.type)).toEqual(['chat_request', 'request_withdrawn']);
    expect((await realtime(s, `mitras/${m2.id}/offers/${req.request_id}`)).data.status).toBe('missed');
  });

  it('a malformed push is a 400 (dead-lettered after retries), an unauthenticated one 401', async () => {
    expect(
      (await deliver('/events/pairing/blast', { message: { data: 'not-base64-json!' }, subscription: 's' })).status,
    ).toBe(400);
    expect((await deliver('/events/pairing/blast', envelope({ request_id: 'x' }))).status).toBe(400);
    expect((await s.request('/events/pairing/blast', { method: 'POST', json: envelope({}) })).status).toBe(401);
    expect((await s.request('/tasks/pairing/request-timeout', { method: 'POST', json: {} })).status).toBe(401);
  });

  it('one notification-timeout task per offer batch: its offered notifications → ignored once; twice and late → one effect', async () => {
    const c = await customerWithDevice(s);
    const [m1, m2, m3] = [await onlineMitra(s), await onlineMitra(s), await onlineMitra(s)];
    const req = await json(chatRequest(s, c.token));
    expect(req.notified_mitras).toBe(3);
    await s.rt.local!.advanceClock(20);
    const late = await onlineMitra(s); // a second batch: offered on coming online
    expect(
      (await s.request(`/api/mitra/requests/${req.request_id}/reject`, { method: 'POST', headers: bearer(m1.token) }))
        .status,
    ).toBe(200);
    const tasks = await s.rt.db.query(
      "SELECT payload->'body' AS body FROM outbox WHERE kind = 'task' AND payload->>'path' = '/tasks/pairing/notification-timeout' ORDER BY id",
    );
    const batches = (
      await s.rt.db.query(
        'SELECT DISTINCT offered_at FROM chat_request_notifications WHERE request_id = $1 ORDER BY offered_at',
        [req.request_id],
      )
    ).rows.map((r) => ({ request_id: req.request_id, offered_at: r.offered_at.toISOString() }));
    expect(tasks.rows.map((r) => r.body)).toEqual(batches); // 2 tasks for 4 offers
    const rows = async () =>
      Object.fromEntries(
        (
          await s.rt.db.query(
            'SELECT mitra_id, status, reason, responded_at FROM chat_request_notifications WHERE request_id = $1',
            [req.request_id],
          )
        ).rows.map((r) => [r.mitra_id, r]),
      );
    const offerDocWrites = async () =>
      (
        await s.rt.db.query(
          "SELECT count(*)::int n FROM outbox WHERE kind = 'realtime' AND payload->>'path' LIKE $1 AND payload->'data'->>'status' = 'ignored'",
          [`mitras/%/offers/${req.request_id}`],
        )
      ).rows[0].n;

    await s.rt.local!.advanceClock(41); // the first batch's window (60 s) has passed, not the late one's
    const first = await rows();
    expect([first[m1.id].status, first[m2.id], first[m3.id], first[late.id].status]).toEqual([
      'rejected',
      expect.objectContaining({ status: 'ignored', reason: 'no_response' }),
      expect.objectContaining({ status: 'ignored', reason: 'no_response' }),
      'offered',
    ]);
    expect(await offerDocWrites()).toBe(2);
    await settle(s);
    expect((await realtime(s, `mitras/${m2.id}/offers/${req.request_id}`)).data.status).toBe('ignored');

    for (let i = 0; i < 2; i++) {
      await s.rt.local!.advanceClock(5);
      expect((await deliver('/tasks/pairing/notification-timeout', batches[0])).status).toBe(204);
    }
    expect(await rows()).toEqual(first); // duplicated and late: nothing more
    expect(await offerDocWrites()).toBe(2);

    await s.rt.local!.advanceClock(11); // the late batch's window
    expect((await rows())[late.id]).toMatchObject({ status: 'ignored', reason: 'no_response' });
    // an ignored offer can still be taken while the request searches
    expect((await accept(s, m2, req.request_id)).status).toBe(200);
    for (const batch of batches) expect((await deliver('/tasks/pairing/notification-timeout', batch)).status).toBe(204);
    const after = await rows();
    // Their outcome was already 'ignored' (SPEC §6: the mitra's record); the accept by another leaves it.
    expect([after[m2.id].status, after[m3.id].status, after[late.id].status]).toEqual([
      'accepted',
      'ignored',
      'ignored',
    ]);
  });

  it('a notification timeout without its batch (offered_at) is refused: there is one task per batch', async () => {
    const c = await customerWithDevice(s);
    const m = await onlineMitra(s);
    const req = await json(chatRequest(s, c.token));
    for (const body of [
      { request_id: req.request_id, mitra_id: m.id },
      { request_id: req.request_id, offered_at: 'soon' },
    ])
      expect((await deliver('/tasks/pairing/notification-timeout', body)).status).toBe(400);
    const { rows } = await s.rt.db.query('SELECT status FROM chat_request_notifications WHERE request_id = $1', [
      req.request_id,
    ]);
    expect(rows).toEqual([{ status: 'offered' }]);
  });

  it('the pairing timeout → expired, the customer told once (doc + push); accepting then → 410; fired twice and late → one effect', async () => {
    const c = await customerWithDevice(s);
    const m = await onlineMitra(s);
    const req = await json(chatRequest(s, c.token));
    await s.rt.local!.advanceClock(60);
    expect(
      (await s.rt.db.query('SELECT status FROM chat_requests WHERE id = $1', [req.request_id])).rows[0].status,
    ).toBe('searching');
    await s.rt.local!.advanceClock(61);
    expect(
      (await s.rt.db.query('SELECT status FROM chat_requests WHERE id = $1', [req.request_id])).rows[0].status,
    ).toBe('expired');
    for (let i = 0; i < 2; i++)
      expect((await deliver('/tasks/pairing/request-timeout', { request_id: req.request_id })).status).toBe(204);
    await settle(s);
    expect((await realtime(s, `customers/${c.id}/pairing/current`)).data.status).toBe('expired');
    expect(await pushes(s, c.id)).toEqual([
      expect.objectContaining({ data: { type: 'pairing_expired', request_id: req.request_id } }),
    ]);
    expect((await pushes(s, m.id)).at(-1)!.data).toEqual({
      type: 'request_withdrawn',
      request_id: req.request_id,
      reason: 'expired',
    });
    expect((await realtime(s, `mitras/${m.id}/offers/${req.request_id}`)).data.status).toBe('expired');
    const late = await accept(s, m, req.request_id);
    expect(late.status).toBe(410);
    expect((await json(late)).error.code).toBe('REQUEST_EXPIRED');
    expect((await chatRequest(s, c.token)).status).toBe(201);
  });

  it('an expiry task for an accepted request does nothing', async () => {
    const c = await customerWithDevice(s);
    const m = await onlineMitra(s);
    const req = await json(chatRequest(s, c.token));
    await accept(s, m, req.request_id);
    await s.rt.local!.advanceClock(200);
    expect((await deliver('/tasks/pairing/request-timeout', { request_id: req.request_id })).status).toBe(204);
    expect(
      (await s.rt.db.query('SELECT status FROM chat_requests WHERE id = $1', [req.request_id])).rows[0].status,
    ).toBe('accepted');
    expect((await realtime(s, `customers/${c.id}/pairing/current`)).data.status).toBe('paired');
  });

  it('the session expiry task is version-checked: duplicated, late or stale versions change nothing', async () => {
    const c = await customerWithDevice(s, { verified: true });
    const m = await onlineMitra(s);
    const req = await json(freeTrialRequest(s, c));
    const { session_id } = await json(accept(s, m, req.request_id));
    expect((await deliver('/tasks/sessions/expire', { session_id, version: 1 })).status).toBe(204); // early: not yet at ends_at
    expect(
      (await s.rt.db.query('SELECT status, version FROM chat_sessions WHERE id = $1', [session_id])).rows[0],
    ).toEqual({ status: 'active', version: 1 });
    await s.rt.local!.advanceClock(11 * 60);
    const after = (await s.rt.db.query('SELECT status, version FROM chat_sessions WHERE id = $1', [session_id]))
      .rows[0];
    expect(after).toEqual({ status: 'expired', version: 2 });
    for (const version of [1, 1, 2])
      expect((await deliver('/tasks/sessions/expire', { session_id, version })).status).toBe(204);
    expect(
      (await s.rt.db.query('SELECT status, version FROM chat_sessions WHERE id = $1', [session_id])).rows[0],
    ).toEqual(after);
  });

  it('the sweep fired twice changes nothing more', async () => {
    await onlineMitra(s);
    await s.rt.local!.advanceClock(200);
    const first = await json(deliver('/tasks/pairing/sweep-stale', {}));
    const second = await json(deliver('/tasks/pairing/sweep-stale', {}));
    expect(first.turned_offline + second.turned_offline).toBe(0); // the cron sweep already did it
    expect((await s.rt.db.query('SELECT count(*)::int n FROM mitras WHERE is_online')).rows[0].n).toBe(0);
  });
});
