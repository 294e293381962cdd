import { beforeEach, describe, expect, it } from 'vitest';
import { configReader } from '../../../shared/config/reader';
import { bearer, createGuest } from '../../helpers/auth';
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

const stack = useTestStack();
let s: TestStack;
beforeEach(() => {
  s = stack();
});

describe('POST /api/client/chat/request', () => {
  it('validates: topic_sensitivity missing or not regular|sensitive, both/neither of tier_id and free_trial, unknown tier → 400; nothing stored', async () => {
    const c = await customerWithDevice(s);
    const bad = [
      { tier_id: 'tier_30' },
      { topic_sensitivity: 'other', tier_id: 'tier_30' },
      { topic_sensitivity: 'regular' },
      { topic_sensitivity: 'regular', tier_id: 'tier_30', free_trial: true },
      { topic_sensitivity: 'regular', tier_id: 'tier_999' },
      { topic_sensitivity: 'regular', free_trial: false },
      { topic_sensitivity: 'regular', tier_id: 'tier_30', target_mitra_id: 'x' },
    ];
    for (const body of bad) {
      const res = await chatRequest(s, c.token, body);
      expect([body, res.status]).toEqual([body, 400]);
      expect((await json(res)).error.code).toBe('BAD_REQUEST');
    }
    expect((await s.rt.db.query('SELECT count(*)::int n FROM chat_requests')).rows[0].n).toBe(0);
    const mitra = await onlineMitra(s);
    expect((await chatRequest(s, mitra.token)).status).toBe(403);
  });

  it('blasts to every available mitra: one notification row each with active_session_count, one Pub/Sub message, FCM data pushes and offer docs', async () => {
    const c = await customerWithDevice(s);
    const mitras = [await onlineMitra(s), await onlineMitra(s), await onlineMitra(s)];
    await onlineMitra(s, { online: false });
    const res = await chatRequest(s, c.token, { topic_sensitivity: 'sensitive', tier_id: 'tier_60' });
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body).toMatchObject({ status: 'searching', notified_mitras: 3, expires_at: expect.any(String) });
    const { rows } = await s.rt.db.query(
      'SELECT mitra_id, status, active_session_count, topic_sensitivity FROM chat_request_notifications WHERE request_id = $1',
      [body.request_id],
    );
    expect(rows).toHaveLength(3);
    expect(
      rows.every((r) => r.status === 'offered' && r.active_session_count === 0 && r.topic_sensitivity === 'sensitive'),
    ).toBe(true);
    const published = await s.rt.db.query(
      "SELECT count(*)::int n FROM outbox WHERE kind = 'event' AND payload->'event'->'data'->>'request_id' = $1",
      [body.request_id],
    );
    expect(published.rows[0].n).toBe(1);

    await settle(s);
    for (const m of mitras) {
      const [push] = await pushes(s, m.id);
      const offer = await realtime(s, `mitras/${m.id}/offers/${body.request_id}`);
      // An alert that expires with the offer (SPEC §12), its text from the customer's name only.
      expect(push).toMatchObject({
        token: `fcm-${m.id}`,
        data: { type: 'chat_request', request_id: body.request_id, topic_sensitivity: 'sensitive' },
        notification: {
          title: 'Ada yang ingin curhat',
          body: expect.stringContaining(offer.data.customer_display_name),
        },
        android: { priority: 'high', notification: { channelId: 'halobestie_chat_v2', tag: body.request_id } },
        apns: {
          headers: {
            'apns-priority': '10',
            'apns-push-type': 'alert',
            'apns-expiration': String(Math.floor(Date.parse(offer.data.respond_by) / 1000)),
          },
          payload: { aps: { sound: 'default', threadId: body.request_id } },
        },
      });
      expect(push!.android.ttl).toBeGreaterThan(0);
      expect(push!.android.ttl).toBeLessThanOrEqual(60_000);
      expect(offer.data).toMatchObject({
        status: 'offered',
        topic_sensitivity: 'sensitive',
        duration_minutes: 60,
        price_idr: 45000,
      });
    }
    // The blast's pushes are one outbox row (one FCM sendEach), a message per device.
    const pushRows = await s.rt.db.query(
      "SELECT payload FROM outbox WHERE kind = 'push' AND payload->'messages'->0->'data'->>'request_id' = $1",
      [body.request_id],
    );
    expect(pushRows.rows).toHaveLength(1);
    expect(pushRows.rows[0].payload.messages.map((m: { token: string }) => m.token).sort()).toEqual(
      mitras.map((m) => `fcm-${m.id}`).sort(),
    );
    const pairingDoc = await realtime(s, `customers/${c.id}/pairing/current`);
    expect(pairingDoc.data).toMatchObject({ status: 'searching', request_id: body.request_id, notified_mitras: 3 });
    const pending = await json(s.request('/api/mitra/requests/pending', { headers: bearer(mitras[0]!.token) }));
    expect(pending.requests).toEqual([
      expect.objectContaining({ request_id: body.request_id, topic_sensitivity: 'sensitive', duration_minutes: 60 }),
    ]);
  });

  it('ALREADY_ACTIVE with details.request_id; Idempotency-Key replays the same request; REGISTRATION_REQUIRED for guests when anonymity is off', async () => {
    const c = await customerWithDevice(s);
    await onlineMitra(s);
    const key = { 'idempotency-key': 'tap-1' };
    const first = await json(chatRequest(s, c.token, undefined, key));
    const [a, b] = await Promise.all([
      chatRequest(s, c.token, undefined, key),
      chatRequest(s, c.token, undefined, key),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect((await json(a)).request_id).toBe(first.request_id);
    expect((await json(b)).request_id).toBe(first.request_id);
    const again = await chatRequest(s, c.token);
    expect(again.status).toBe(409);
    expect((await json(again)).error).toMatchObject({
      code: 'ALREADY_ACTIVE',
      details: { request_id: first.request_id },
    });
    expect((await s.rt.db.query('SELECT count(*)::int n FROM chat_requests')).rows[0].n).toBe(1);

    await s.rt.db.query(`UPDATE app_config SET value = 'false' WHERE key = 'anonymity_enabled'`);
    await s.rt.db.query('UPDATE app_config_version SET version = version + 1');
    configReader(s.rt).invalidate();
    const guest = await createGuest(s);
    const res = await chatRequest(s, guest.access_token);
    expect(res.status).toBe(403);
    expect((await json(res)).error.code).toBe('REGISTRATION_REQUIRED');
  });

  it('an Idempotency-Key replay answers exactly the original 201 body, even after later offers and the accept', async () => {
    const c = await customerWithDevice(s);
    const first = await onlineMitra(s);
    const key = { 'idempotency-key': 'tap-replay' };
    const original = await json(chatRequest(s, c.token, undefined, key));
    expect(original.notified_mitras).toBe(1);
    await onlineMitra(s); // offered the open request when it comes online
    expect(await json(chatRequest(s, c.token, undefined, key))).toEqual(original);
    await accept(s, first, original.request_id);
    const replay = await chatRequest(s, c.token, undefined, key);
    expect(replay.status).toBe(201);
    expect(await json(replay)).toEqual(original);
  });

  it('parallel requests by one customer without a key: exactly one is created', async () => {
    const c = await customerWithDevice(s);
    const results = await Promise.all(Array.from({ length: 5 }, () => chatRequest(s, c.token)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
  });

  it('a free trial starts the session active with its expiry timer; it is then used up → 409 FREE_TRIAL_UNAVAILABLE', async () => {
    const c = await customerWithDevice(s, { verified: true });
    const m = await onlineMitra(s);
    const req = await json(freeTrialRequest(s, c));
    const won = await json(accept(s, m, req.request_id));
    expect(won.session_status).toBe('active');
    const session = (
      await s.rt.db.query('SELECT status, started_at, ends_at, duration_minutes FROM chat_sessions WHERE id = $1', [
        won.session_id,
      ])
    ).rows[0];
    expect(session.duration_minutes).toBe(10);
    expect(session.ends_at.getTime() - session.started_at.getTime()).toBe(10 * 60_000);
    await s.rt.local!.advanceClock(9 * 60);
    expect(
      (await s.rt.db.query('SELECT status FROM chat_sessions WHERE id = $1', [won.session_id])).rows[0].status,
    ).toBe('active');
    const run = await s.rt.local!.advanceClock(61);
    expect(run.tasksRun).toBeGreaterThanOrEqual(1);
    expect(
      (await s.rt.db.query('SELECT status FROM chat_sessions WHERE id = $1', [won.session_id])).rows[0].status,
    ).toBe('expired');
    expect((await realtime(s, `sessions/${won.session_id}`)).data.status).toBe('expired');
    // The session stays live (expired, awaiting an extension) so the customer is ALREADY_ACTIVE; once it ends, the trial is still used.
    await s.rt.db.query("UPDATE chat_sessions SET status = 'completed' WHERE id = $1", [won.session_id]);
    const again = await freeTrialRequest(s, c);
    expect(again.status).toBe(409);
    expect((await json(again)).error.code).toBe('FREE_TRIAL_UNAVAILABLE');
  });

  it('a targeted request goes to that mitra only; an unavailable target → 409 MITRA_UNAVAILABLE', async () => {
    const c = await customerWithDevice(s);
    const target = await onlineMitra(s);
    const other = await onlineMitra(s);
    const offline = await onlineMitra(s, { online: false });
    expect(
      (
        await json(
          chatRequest(s, c.token, { topic_sensitivity: 'regular', tier_id: 'tier_30', target_mitra_id: offline.id }),
        )
      ).error.code,
    ).toBe('MITRA_UNAVAILABLE');
    const res = await json(
      chatRequest(s, c.token, { topic_sensitivity: 'regular', tier_id: 'tier_30', target_mitra_id: target.id }),
    );
    expect(res.notified_mitras).toBe(1);
    expect((await accept(s, other, res.request_id)).status).toBe(403);
  });
});

describe('accept, reject, cancel', () => {
  it('10 mitras accept one request at once → one 200, nine 409 REQUEST_TAKEN marked missed (accepted_by_other); the customer is told', async () => {
    const c = await customerWithDevice(s);
    const mitras = await Promise.all(Array.from({ length: 10 }, () => onlineMitra(s, { name: 'Bestie Race' })));
    const req = await json(chatRequest(s, c.token));
    expect(req.notified_mitras).toBe(10);
    await settle(s);
    const results = await Promise.all(mitras.map((m) => accept(s, m, req.request_id)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((x) => x === 200)).toHaveLength(1);
    expect(statuses.filter((x) => x === 409)).toHaveLength(9);
    for (const r of results.filter((x) => x.status === 409)) expect((await json(r)).error.code).toBe('REQUEST_TAKEN');
    const winnerIdx = statuses.indexOf(200);
    const won = await json(results[winnerIdx]!);
    expect(won.session_status).toBe('pending_payment');

    const { rows } = await s.rt.db.query(
      'SELECT status, reason, count(*)::int n FROM chat_request_notifications WHERE request_id = $1 GROUP BY 1, 2 ORDER BY 1',
      [req.request_id],
    );
    expect(rows).toEqual([
      { status: 'accepted', reason: null, n: 1 },
      { status: 'missed', reason: 'accepted_by_other', n: 9 },
    ]);
    expect(
      (await s.rt.db.query('SELECT count(*)::int n FROM chat_sessions WHERE request_id = $1', [req.request_id])).rows[0]
        .n,
    ).toBe(1);

    await settle(s);
    const pairingDoc = await realtime(s, `customers/${c.id}/pairing/current`);
    expect(pairingDoc.data).toMatchObject({ status: 'paired', session_id: won.session_id, mitra_name: 'Bestie Race' });
    const customerPushes = await pushes(s, c.id);
    expect(customerPushes).toEqual([
      expect.objectContaining({
        data: { type: 'paired', session_id: won.session_id },
        notification: { title: 'Bestie ditemukan', body: expect.stringContaining('Bestie Race') },
      }),
    ]);
    const loser = mitras[(winnerIdx + 1) % 10]!;
    // Each loser's app is told at once that the offer closed: a background push, no alert.
    expect((await pushes(s, loser.id)).map((p) => p.data)).toEqual([
      expect.objectContaining({ type: 'chat_request' }),
      { type: 'request_withdrawn', request_id: req.request_id, reason: 'taken' },
    ]);
    expect((await pushes(s, mitras[winnerIdx]!.id)).map((p) => p.data.type)).toEqual(['chat_request']);
    expect((await realtime(s, `mitras/${loser.id}/offers/${req.request_id}`)).data).toMatchObject({
      status: 'missed',
      reason: 'accepted_by_other',
    });
    const sessionDoc = await realtime(s, `sessions/${won.session_id}`);
    expect(sessionDoc.data.participants).toEqual([`c_${c.id}`, `m_${mitras[winnerIdx]!.id}`]);
    // the winner may retry safely
    expect(await json(accept(s, mitras[winnerIdx]!, req.request_id))).toMatchObject({ session_id: won.session_id });
  });

  it('a mitra with capacity 1 accepting 4 requests at once → one 200, three 409 CAPACITY_FULL', async () => {
    const m = await onlineMitra(s);
    const customers = await Promise.all(Array.from({ length: 4 }, () => customerWithDevice(s)));
    const requests = [];
    for (const c of customers) requests.push(await json(chatRequest(s, c.token)));
    expect(requests.every((r) => r.notified_mitras === 1)).toBe(true);
    const results = await Promise.all(requests.map((r) => accept(s, m, r.request_id)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expect((await json(r)).error.code).toBe('CAPACITY_FULL');
    const status = await json(s.request('/api/mitra/status', { headers: bearer(m.token) }));
    expect(status).toMatchObject({ active_session_count: 1, available: false });
  });

  it('not offered → 403; unknown → 404; cancelled → 409 REQUEST_CANCELLED and offers show "cancelled by customer"', async () => {
    const c = await customerWithDevice(s);
    const m = await onlineMitra(s);
    const req = await json(chatRequest(s, c.token));
    const latecomer = await onlineMitra(s, { online: false });
    await expectError(accept(s, latecomer, req.request_id), 403, 'FORBIDDEN');
    await expectError(accept(s, m, '00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
    await settle(s);
    const other = await customerWithDevice(s);
    expect(
      (
        await s.request(`/api/client/chat/request/${req.request_id}/cancel`, {
          method: 'POST',
          headers: bearer(other.token),
        })
      ).status,
    ).toBe(404);
    const cancelled = await s.request(`/api/client/chat/request/${req.request_id}/cancel`, {
      method: 'POST',
      headers: bearer(c.token),
    });
    expect(cancelled.status).toBe(200);
    expect(
      (
        await s.request(`/api/client/chat/request/${req.request_id}/cancel`, {
          method: 'POST',
          headers: bearer(c.token),
        })
      ).status,
    ).toBe(200);
    const res = await accept(s, m, req.request_id);
    expect(res.status).toBe(409);
    expect((await json(res)).error.code).toBe('REQUEST_CANCELLED');
    await settle(s);
    expect((await realtime(s, `mitras/${m.id}/offers/${req.request_id}`)).data).toMatchObject({
      status: 'cancelled',
      reason: 'cancelled_by_customer',
    });
    expect((await realtime(s, `customers/${c.id}/pairing/current`)).data.status).toBe('cancelled');
    expect((await pushes(s, m.id)).at(-1)!.data).toEqual({
      type: 'request_withdrawn',
      request_id: req.request_id,
      reason: 'cancelled',
    });
    expect((await chatRequest(s, c.token)).status).toBe(201);
  });

  it('reject → rejected (idempotent); a rejecting mitra cannot accept later', async () => {
    const c = await customerWithDevice(s);
    const m = await onlineMitra(s);
    const req = await json(chatRequest(s, c.token));
    const reject = () =>
      s.request(`/api/mitra/requests/${req.request_id}/reject`, { method: 'POST', headers: bearer(m.token) });
    expect(await json(reject())).toEqual({ request_id: req.request_id, status: 'rejected' });
    expect((await reject()).status).toBe(200);
    expect(
      (await s.rt.db.query('SELECT status FROM chat_request_notifications WHERE request_id = $1', [req.request_id]))
        .rows[0].status,
    ).toBe('rejected');
    expect((await json(accept(s, m, req.request_id))).error.code).toBe('REQUEST_REJECTED');
  });

  it('a mitra coming online while a request is searching is offered it too', async () => {
    const c = await customerWithDevice(s);
    const req = await json(chatRequest(s, c.token));
    expect(req.notified_mitras).toBe(0);
    const late = await onlineMitra(s);
    await settle(s);
    expect((await pushes(s, late.id))[0]?.data).toMatchObject({ type: 'chat_request', request_id: req.request_id });
    expect((await accept(s, late, req.request_id)).status).toBe(200);
  });

  it('active sessions: the customer view hides topic_sensitivity, the mitra view shows it', async () => {
    const c = await customerWithDevice(s);
    const m = await onlineMitra(s, { name: 'Bestie Lia' });
    const req = await json(chatRequest(s, c.token, { topic_sensitivity: 'sensitive', tier_id: 'tier_30' }));
    const won = await json(accept(s, m, req.request_id));
    const mine = await json(s.request('/api/client/sessions/active', { headers: bearer(c.token) }));
    expect(mine.session).toMatchObject({
      id: won.session_id,
      status: 'pending_payment',
      mitra: { display_name: 'Bestie Lia' },
    });
    expect(JSON.stringify(mine)).not.toMatch(/sensitiv/);
    const theirs = await json(s.request('/api/mitra/sessions/active', { headers: bearer(m.token) }));
    expect(theirs.sessions).toEqual([expect.objectContaining({ id: won.session_id, topic_sensitivity: 'sensitive' })]);
    expect((await s.request('/api/client/sessions/active', { headers: bearer(m.token) })).status).toBe(403);
    const blocked = await chatRequest(s, c.token);
    expect((await json(blocked)).error).toMatchObject({
      code: 'ALREADY_ACTIVE',
      details: { session_id: won.session_id },
    });
  });
});
