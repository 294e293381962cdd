import { beforeEach, describe, expect, it } from 'vitest';
import { bearer } from '../../helpers/auth';
import { ccUser, insertMitra, insertSession } from '../../helpers/control-center';
import { json } from '../../helpers/http';
import { chatRequest, customerWithDevice, onlineMitra, realtime, settle } from '../../helpers/pairing';
import { useTestStack, type TestStack } from '../../helpers/runtime';
import { act, activeFreeTrialSession, setConfig } from '../../helpers/sessions';

const stack = useTestStack();
let s: TestStack;
beforeEach(() => {
  s = stack();
});

const offeredTo = async (requestId: string) =>
  (
    await s.rt.db.query<{ mitra_id: string; offered_at: Date; status: string }>(
      'SELECT mitra_id, offered_at, status FROM chat_request_notifications WHERE request_id = $1 ORDER BY offered_at',
      [requestId],
    )
  ).rows;

const pending = async (token: string) =>
  (await json(s.request('/api/mitra/requests/pending', { headers: bearer(token) }))).requests.map(
    (r: { request_id: string }) => r.request_id,
  );

describe('fair capped waves (SPEC §6)', () => {
  it('60 available mitras, max_mitras 25: wave 1 reaches 25, wave 2 the next 25 after wave_seconds, wave 3 the rest — fewest sessions today last, one task per wave', async () => {
    const now = s.rt.clock.now();
    const fresh = await Promise.all(Array.from({ length: 50 }, () => insertMitra(s, { online: true })));
    const busyToday = await Promise.all(Array.from({ length: 10 }, () => insertMitra(s, { online: true })));
    for (const m of busyToday) await insertSession(s, { mitraId: m, created_at: new Date(now.getTime() - 3600_000) });
    const c = await customerWithDevice(s);
    const req = await json(chatRequest(s, c.token));
    expect(req.notified_mitras).toBe(25);
    const wave1 = (await offeredTo(req.request_id)).map((n) => n.mitra_id);
    expect(wave1.every((m) => fresh.includes(m))).toBe(true);

    await s.rt.local!.advanceClock(19);
    expect(await offeredTo(req.request_id)).toHaveLength(25);
    await s.rt.local!.advanceClock(1); // the wave task is due
    const after2 = await offeredTo(req.request_id);
    expect(after2).toHaveLength(50);
    const wave2 = after2.slice(25).map((n) => n.mitra_id);
    expect(new Set([...wave1, ...wave2])).toEqual(new Set(fresh));
    expect(after2.slice(0, 25).every((n) => n.status === 'offered')).toBe(true); // earlier offers stay open

    await s.rt.local!.advanceClock(20);
    const after3 = await offeredTo(req.request_id);
    expect(new Set(after3.slice(50).map((n) => n.mitra_id))).toEqual(new Set(busyToday));

    const { rows: waveTasks } = await s.rt.db.query(
      "SELECT payload->'body' AS body FROM outbox WHERE kind = 'task' AND payload->>'path' = '/tasks/pairing/wave' ORDER BY id",
    );
    expect(waveTasks.map((t) => t.body)).toEqual([2, 3, 4].map((wave) => ({ request_id: req.request_id, wave })));
    const { rows: events } = await s.rt.db.query(
      "SELECT count(*)::int AS n FROM outbox WHERE kind = 'event' AND payload->'event'->'data'->>'request_id' = $1",
      [req.request_id],
    );
    expect(events[0].n).toBe(3); // one Pub/Sub message per wave, never one per mitra

    await s.rt.local!.advanceClock(1); // the queue status lands at the end of its second
    const doc = (await realtime(s, `customers/${c.id}/pairing/current`)).data;
    // Nobody was accepted in the last hour: no estimate.
    expect(doc).toMatchObject({
      status: 'searching',
      notified_mitras: 60,
      wave: 3,
      position: 1,
      estimated_wait_seconds: null,
    });
    // At most one queue-status write per second: one row per request per second however much moved.
    const { rows: perSecond } = await s.rt.db.query(
      "SELECT dedupe_key, count(*)::int AS n FROM outbox WHERE dedupe_key LIKE 'queue:%' GROUP BY dedupe_key",
    );
    expect(perSecond.every((r) => r.n === 1)).toBe(true);
  });

  it('max_mitras 0 offers every available mitra at once and sends no waves', async () => {
    await setConfig(s, 'blast', { max_mitras: 0, wave_seconds: 20 });
    await Promise.all(Array.from({ length: 30 }, () => insertMitra(s, { online: true })));
    const c = await customerWithDevice(s);
    expect((await json(chatRequest(s, c.token))).notified_mitras).toBe(30);
    const { rows } = await s.rt.db.query(
      "SELECT count(*)::int AS n FROM outbox WHERE kind = 'task' AND payload->>'path' = '/tasks/pairing/wave'",
    );
    expect(rows[0].n).toBe(0);
  });

  it('a sensitive request never reaches a mitra with sensitive_ok = false: not in a wave, not on coming online, not when freed', async () => {
    const operator = await ccUser(s, 'operator');
    const [trusted, untrusted, later] = [
      await onlineMitra(s),
      await onlineMitra(s),
      await onlineMitra(s, { online: false }),
    ];
    for (const m of [untrusted, later]) {
      const res = await s.request(`/internal/mitras/${m.id}`, {
        method: 'PATCH',
        json: { sensitive_ok: false },
        headers: operator.headers,
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ id: m.id, sensitive_ok: false });
    }
    const bad = await s.request(`/internal/mitras/${trusted.id}`, {
      method: 'PATCH',
      json: { sensitive_ok: 'no' },
      headers: operator.headers,
    });
    expect(bad.status).toBe(400);

    const c = await customerWithDevice(s);
    const req = await json(chatRequest(s, c.token, { topic_sensitivity: 'sensitive', tier_id: 'tier_30' }));
    expect(req.notified_mitras).toBe(1);
    const regular = await json(chatRequest(s, (await customerWithDevice(s)).token));
    expect((await offeredTo(regular.request_id)).map((n) => n.mitra_id).sort()).toEqual(
      [trusted.id, untrusted.id].sort(),
    );
    expect((await s.request('/api/mitra/status/online', { method: 'POST', headers: bearer(later.token) })).status).toBe(
      200,
    );
    await s.rt.local!.advanceClock(45); // two more waves
    expect((await offeredTo(req.request_id)).map((n) => n.mitra_id)).toEqual([trusted.id]);
    expect(await pending(untrusted.token)).toEqual([regular.request_id]);
    expect(await pending(later.token)).toEqual([regular.request_id]);
    const targeted = await chatRequest(s, (await customerWithDevice(s)).token, {
      topic_sensitivity: 'sensitive',
      tier_id: 'tier_30',
      target_mitra_id: untrusted.id,
    });
    expect(targeted.status).toBe(409);
    expect((await json(targeted)).error.code).toBe('MITRA_UNAVAILABLE');
  });
});

describe('nobody waits while a mitra sits idle', () => {
  it('tried as a new user: the mitra ends its session early → the waiting request is offered to it in the same transaction', async () => {
    const first = await activeFreeTrialSession(s);
    const mitra = { id: first.mitra.id, token: first.mitra.token };
    const waiting = await customerWithDevice(s);
    const req = await json(chatRequest(s, waiting.token));
    expect(req.notified_mitras).toBe(0);
    const youngerCustomer = await customerWithDevice(s);
    const younger = { ...(await json(chatRequest(s, youngerCustomer.token))), customerId: youngerCustomer.id };
    await s.rt.local!.advanceClock(1); // the queue status lands at the end of its second
    expect((await realtime(s, `customers/${waiting.id}/pairing/current`)).data).toMatchObject({
      notified_mitras: 0,
      position: 1,
    });

    expect((await act(s, first.mitra, first.sessionId, 'end')).status).toBe(200);
    const status = await json(s.request('/api/mitra/status', { headers: bearer(mitra.token) }));
    expect(status).toMatchObject({ available: true, active_session_count: 0 });
    // The oldest eligible request only: one free place.
    expect(await pending(mitra.token)).toEqual([req.request_id]);
    const [offer] = await offeredTo(req.request_id);
    expect(offer).toMatchObject({ mitra_id: mitra.id, status: 'offered' });
    expect(await offeredTo(younger.request_id)).toEqual([]);
    // Committed with the move: the offer, its blast and the session's closing doc share one transaction.
    const { rows } = await s.rt.db.query(
      `SELECT DISTINCT created_at FROM outbox WHERE (kind = 'event' AND payload->'event'->'data'->>'request_id' = $1)
         OR (kind = 'realtime' AND payload->>'path' = $2 AND payload->'data'->>'status' = 'closing')`,
      [req.request_id, `sessions/${first.sessionId}`],
    );
    expect(rows).toHaveLength(1);
    const closing = (await s.rt.db.query('SELECT closing_at FROM chat_sessions WHERE id = $1', [first.sessionId]))
      .rows[0].closing_at;
    expect(offer!.offered_at).toEqual(closing);

    await s.rt.local!.advanceClock(1);
    expect((await realtime(s, `mitras/${mitra.id}/offers/${req.request_id}`)).data.status).toBe('offered');
    // The first customer's accept is the last hour's one time-to-accept: the estimate is its median.
    expect((await realtime(s, `customers/${waiting.id}/pairing/current`)).data).toMatchObject({
      status: 'searching',
      notified_mitras: 1,
      position: 1,
      estimated_wait_seconds: 0,
    });
    expect((await realtime(s, `customers/${younger.customerId}/pairing/current`)).data).toMatchObject({
      notified_mitras: 0,
      position: 2,
    });
    // Someone ahead leaves the queue: one task for the whole queue, then each waiting customer's status.
    const cancel = await s.request(`/api/client/chat/request/${req.request_id}/cancel`, {
      method: 'POST',
      headers: bearer(waiting.token),
    });
    expect(cancel.status).toBe(200);
    await s.rt.local!.advanceClock(1);
    await s.rt.local!.advanceClock(1);
    expect((await realtime(s, `customers/${younger.customerId}/pairing/current`)).data).toMatchObject({
      status: 'searching',
      position: 1,
    });
  });

  it('capacity holds through extensions: a session in its extension window keeps its place; ending it offers the waiting request', async () => {
    const first = await activeFreeTrialSession(s);
    await s.rt.local!.advanceClock(10 * 60); // time is up: the extension window opens
    // Back online after the sweep turned it offline meanwhile: fresh, so only its place makes it unavailable.
    const online = await s.request('/api/mitra/status/online', { method: 'POST', headers: bearer(first.mitra.token) });
    expect(await online.json()).toMatchObject({ available: false, active_session_count: 1, offered_requests: 0 });
    expect(
      (await s.rt.db.query('SELECT status FROM chat_sessions WHERE id = $1', [first.sessionId])).rows[0].status,
    ).toBe('expired');
    const status = await json(s.request('/api/mitra/status', { headers: bearer(first.mitra.token) }));
    expect(status).toMatchObject({ available: false, active_session_count: 1 });
    const waiting = await customerWithDevice(s);
    const req = await json(chatRequest(s, waiting.token));
    expect(req.notified_mitras).toBe(0);
    expect((await act(s, first.mitra, first.sessionId, 'end')).status).toBe(200);
    expect(await pending(first.mitra.token)).toEqual([req.request_id]);
  });

  it('raising max_customers_per_mitra offers the oldest waiting request to a busy mitra at once', async () => {
    const first = await activeFreeTrialSession(s);
    const waiting = await customerWithDevice(s);
    const req = await json(chatRequest(s, waiting.token));
    expect(req.notified_mitras).toBe(0);
    const admin = await ccUser(s, 'super_admin');
    const res = await s.request('/internal/config/capacity', {
      method: 'PATCH',
      json: { max_customers_per_mitra: 2 },
      headers: admin.headers,
    });
    expect(res.status).toBe(200);
    expect(await pending(first.mitra.token)).toEqual([req.request_id]);
  });
});

describe('outcomes are the mitra’s record', () => {
  it('an ignored-then-cancelled offer still counts as ignored; an unanswered one is withdrawn (cancelled); expiry withdraws as expired', async () => {
    const [slow, fresh] = [await onlineMitra(s), await onlineMitra(s, { online: false })];
    const c = await customerWithDevice(s);
    const req = await json(chatRequest(s, c.token));
    await s.rt.local!.advanceClock(61); // the offer's 60 s pass: ignored
    expect((await s.request('/api/mitra/status/online', { method: 'POST', headers: bearer(fresh.token) })).status).toBe(
      200,
    );
    const cancel = await s.request(`/api/client/chat/request/${req.request_id}/cancel`, {
      method: 'POST',
      headers: bearer(c.token),
    });
    expect(cancel.status).toBe(200);
    const byMitra = Object.fromEntries((await offeredTo(req.request_id)).map((n) => [n.mitra_id, n.status]));
    expect(byMitra).toEqual({ [slow.id]: 'ignored', [fresh.id]: 'cancelled' });
    await settle(s);
    expect((await realtime(s, `mitras/${slow.id}/offers/${req.request_id}`)).data.status).toBe('cancelled');

    const viewer = await ccUser(s, 'viewer');
    const page = await json(s.request('/internal/mitra-activity', { headers: viewer.headers }));
    const row = (id: string) => page.items.find((r: { mitra: { id: string } }) => r.mitra.id === id);
    expect(row(slow.id)).toMatchObject({ offered: 1, ignored: 1, accepted: 0, rejected: 0, missed: 0 });
    expect(row(fresh.id)).toMatchObject({ offered: 1, ignored: 0, accepted: 0, rejected: 0, missed: 0 });

    const again = await json(chatRequest(s, c.token));
    await s.rt.local!.advanceClock(70);
    const late = await onlineMitra(s); // offered 50 s before the request's expiry: still unanswered then
    await s.rt.local!.advanceClock(51); // pairing_timeout_seconds: the request expires
    const ended = Object.fromEntries((await offeredTo(again.request_id)).map((n) => [n.mitra_id, n.status]));
    expect(ended).toEqual({ [slow.id]: 'ignored', [fresh.id]: 'ignored', [late.id]: 'expired' });
    const log = await json(
      s.request(`/internal/mitra-activity/${late.id}/log?status=expired`, { headers: viewer.headers }),
    );
    expect(log.items.map((i: { request_id: string }) => i.request_id)).toEqual([again.request_id]);
    const lateRow = await json(s.request('/internal/mitra-activity', { headers: viewer.headers }));
    expect(lateRow.items.find((r: { mitra: { id: string } }) => r.mitra.id === late.id)).toMatchObject({
      offered: 1,
      ignored: 0,
    });
  });
});
