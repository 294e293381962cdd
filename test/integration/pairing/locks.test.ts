import { beforeEach, describe, expect, it } from 'vitest';
import { json } from '../../helpers/http';
import { randomUUID } from 'node:crypto';
import { offerWaitingRequests, offerWave } from '../../../shared/pairing/repo/chat-request-notifications.offers';
import { CAPACITY_STATUSES } from '../../../shared/sessions';
import { accept, chatRequest, customerWithDevice, freeTrialRequest, onlineMitra } from '../../helpers/pairing';
import { useTestStack, type TestStack } from '../../helpers/runtime';

const stack = useTestStack({ perFile: true });
let s: TestStack;
beforeEach(() => {
  s = stack();
});

describe('lock ordering', () => {
  it('a customer asking again while a mitra accepts their free trial never deadlocks, and is refused for what is in the way', async () => {
    for (let i = 0; i < 15; i++) {
      const c = await customerWithDevice(s, { verified: true });
      const m = await onlineMitra(s);
      const req = await json(freeTrialRequest(s, c));
      const [won, again] = await Promise.all([
        accept(s, m, req.request_id),
        chatRequest(s, c.token, { topic_sensitivity: 'regular', tier_id: 'tier_30' }),
      ]);
      expect(won.status).toBe(200);
      expect(again.status).toBe(409);
      const { session_id } = await json(won);
      // Serialised on the customer row: the second request saw either the open request or the new session.
      const { error } = await json(again);
      expect(error.code).toBe('ALREADY_ACTIVE');
      expect([{ request_id: req.request_id }, { session_id }]).toContainEqual(error.details);
      const { rows } = await s.rt.db.query(
        `SELECT (SELECT array_agg(status) FROM chat_requests WHERE customer_id = $1) AS requests,
                (SELECT array_agg(status) FROM chat_sessions WHERE customer_id = $1) AS sessions`,
        [c.id],
      );
      expect(rows[0]).toEqual({ requests: ['accepted'], sessions: ['active'] });
    }
  });

  it('cancel racing accept: exactly one of them wins, never both, never a 500', async () => {
    for (let i = 0; i < 15; i++) {
      const c = await customerWithDevice(s);
      const m = await onlineMitra(s);
      const req = await json(chatRequest(s, c.token));
      const [won, cancelled] = await Promise.all([
        accept(s, m, req.request_id),
        s.request(`/api/client/chat/request/${req.request_id}/cancel`, {
          method: 'POST',
          headers: { authorization: `Bearer ${c.token}` },
        }),
      ]);
      const pair = [won.status, cancelled.status];
      expect([
        [200, 409],
        [409, 200],
      ]).toContainEqual(pair);
      const { rows } = await s.rt.db.query('SELECT status FROM chat_requests WHERE id = $1', [req.request_id]);
      expect(rows[0].status).toBe(won.status === 200 ? 'accepted' : 'cancelled');
      if (won.status === 200)
        await s.rt.db.query("UPDATE chat_sessions SET status = 'completed' WHERE request_id = $1", [req.request_id]);
    }
  });

  it('offers name mitras without locking their rows, and still only mitras that exist, whose rows never go or change id', async () => {
    const c = await customerWithDevice(s);
    const m = await onlineMitra(s);
    const req = await json(chatRequest(s, c.token));
    const { rows: locks } = await s.rt.db.query(
      `SELECT count(*)::int AS n FROM pg_constraint WHERE conrelid = 'chat_request_notifications'::regclass
         AND contype = 'f' AND confrelid = 'mitras'::regclass`,
    );
    expect(locks[0].n).toBe(0);
    const other = await onlineMitra(s, { online: false });
    // Online without going through goOnline (which would offer it the request already).
    await s.rt.db.query('UPDATE mitras SET is_online = true, last_heartbeat_at = $2 WHERE id = $1', [
      other.id,
      s.rt.clock.now(),
    ]);
    const unknown = randomUUID();
    const a = { now: s.rt.clock.now(), staleSeconds: 90, maxSessions: 1, liveStatuses: CAPACITY_STATUSES };
    const target = (id: string) => ({ id: req.request_id, topic_sensitivity: 'regular', target_mitra_id: id });
    expect(await offerWave(s.rt.db, a, target(unknown), null)).toEqual([]);
    expect(await offerWave(s.rt.db, a, target(other.id), null)).toEqual([other.id]);
    const { rows } = await s.rt.db.query('SELECT mitra_id FROM chat_request_notifications WHERE request_id = $1', [
      req.request_id,
    ]);
    const named = rows.map((r) => r.mitra_id);
    expect(named).toEqual(expect.arrayContaining([m.id, other.id]));
    expect(named).not.toContain(unknown);
    expect(await offerWaitingRequests(s.rt.db, a, randomUUID())).toEqual([]);
    await expect(s.rt.db.query('DELETE FROM mitras WHERE id = $1', [other.id])).rejects.toMatchObject({
      code: '23001',
    });
    await expect(s.rt.db.query('UPDATE mitras SET id = $2 WHERE id = $1', [other.id, unknown])).rejects.toMatchObject({
      code: '23001',
    });
  });
});
