import { beforeEach, describe, expect, it } from 'vitest';
import { flaggedUserIds } from '../../../shared/sessions';
import { bearer } from '../../helpers/auth';
import { json } from '../../helpers/http';
import { customerWithDevice, onlineMitra } from '../../helpers/pairing';
import { useTestStack, type TestStack } from '../../helpers/runtime';
import { act, activeFreeTrialSession, get, type Who } from '../../helpers/sessions';

const stack = useTestStack();
let s: TestStack;
beforeEach(() => {
  s = stack();
});

const report = (w: Who, body: Record<string, unknown>) =>
  s.request(`/api/${w.side === 'customer' ? 'client' : 'mitra'}/reports`, {
    method: 'POST',
    json: body,
    headers: bearer(w.token),
  });

describe('history, ratings and reports', () => {
  it('history: newest first with an opaque cursor; the mitra’s rows carry topic_sensitivity, the customer’s never', async () => {
    const m = await onlineMitra(s);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const t = await activeFreeTrialSession(s, { mitra: m, sensitivity: i === 1 ? 'sensitive' : 'regular' });
      await act(s, t.mitra, t.sessionId, 'end');
      ids.push(t.sessionId);
      await s.rt.local!.advanceClock(1);
    }
    const mitra: Who = { side: 'mitra', id: m.id, token: m.token };
    const p1 = await json(get(s, mitra, '/sessions?limit=2'));
    expect(p1.items.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[1]]);
    expect(p1.items.map((r: { topic_sensitivity: string }) => r.topic_sensitivity)).toEqual(['regular', 'sensitive']);
    const p2 = await json(get(s, mitra, `/sessions?limit=2&cursor=${p1.next_cursor}`));
    expect(p2).toMatchObject({ items: [{ id: ids[0] }], next_cursor: null });
    expect((await get(s, mitra, '/sessions?cursor=%25%25')).status).toBe(400);
    expect((await get(s, mitra, '/sessions?limit=101')).status).toBe(400);
    const active = await json(get(s, mitra, '/sessions/active'));
    expect(active.sessions.map((r: { status: string }) => r.status)).toEqual(['closing', 'closing', 'closing']);
  });

  it('a rating once per session, by its customer, after the chat ended', async () => {
    const t = await activeFreeTrialSession(s);
    const early = await act(s, t.customer, t.sessionId, 'rating', { stars: 5 });
    expect((await json(early)).error.code).toBe('SESSION_NOT_ENDED');
    await act(s, t.customer, t.sessionId, 'end');
    for (const stars of [0, 6, 4.5])
      expect((await act(s, t.customer, t.sessionId, 'rating', { stars })).status).toBe(400);
    const all = await Promise.all(
      Array.from({ length: 4 }, () => act(s, t.customer, t.sessionId, 'rating', { stars: 4, comment: 'makasih' })),
    );
    expect(all.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    const stranger = await customerWithDevice(s);
    const theirs = await s.request(`/api/client/sessions/${t.sessionId}/rating`, {
      method: 'POST',
      json: { stars: 1 },
      headers: bearer(stranger.token),
    });
    expect(theirs.status).toBe(403);
  });

  it('reports: one per session per reporter, against the other side; 3+ pending reports flag the reported user', async () => {
    const m = await onlineMitra(s);
    const mitra: Who = { side: 'mitra', id: m.id, token: m.token };
    const sessions = [];
    for (let i = 0; i < 3; i++) {
      const t = await activeFreeTrialSession(s, { mitra: m });
      await act(s, t.mitra, t.sessionId, 'end');
      sessions.push(t);
    }
    const first = await report(sessions[0]!.customer, { session_id: sessions[0]!.sessionId, reason: 'kasar' });
    expect(first.status).toBe(201);
    expect(await json(first)).toMatchObject({ reported: 'mitra', status: 'pending', reason: 'kasar' });
    const twice = await report(sessions[0]!.customer, { session_id: sessions[0]!.sessionId, reason: 'lagi' });
    expect((await json(twice)).error.code).toBe('ALREADY_REPORTED');
    expect(await json(report(mitra, { session_id: sessions[0]!.sessionId, reason: 'spam' }))).toMatchObject({
      reported: 'customer',
    });
    const stranger = await customerWithDevice(s);
    expect(
      (await report({ side: 'customer', ...stranger }, { session_id: sessions[1]!.sessionId, reason: 'x' })).status,
    ).toBe(403);
    expect((await report(mitra, { session_id: sessions[1]!.sessionId, reason: '' })).status).toBe(400);
    await report(sessions[1]!.customer, { session_id: sessions[1]!.sessionId, reason: 'kasar' });
    expect(await flaggedUserIds(s.rt.db, 'mitra')).not.toContain(m.id);
    await report(sessions[2]!.customer, { session_id: sessions[2]!.sessionId, reason: 'kasar' });
    expect(await flaggedUserIds(s.rt.db, 'mitra')).toContain(m.id);
  });
});
