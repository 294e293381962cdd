import { beforeEach, describe, expect, it } from 'vitest';
import { json } from '../../helpers/http';
import { accept, chatRequest, customerWithDevice, onlineMitra } from '../../helpers/pairing';
import { useTestStack, type TestStack } from '../../helpers/runtime';

const stack = useTestStack({ perFile: true });
let s: TestStack;
beforeEach(() => {
  s = stack();
});

describe('lock ordering', () => {
  it('a customer asking again while a mitra accepts their free trial never deadlocks (no 500s)', async () => {
    const seen: number[] = [];
    for (let i = 0; i < 15; i++) {
      const c = await customerWithDevice(s);
      const m = await onlineMitra(s);
      const req = await json(chatRequest(s, c.token, { topic_sensitivity: 'regular', free_trial: true }));
      const [won, again] = await Promise.all([
        accept(s, m, req.request_id),
        chatRequest(s, c.token, { topic_sensitivity: 'regular', tier_id: 'tier_30' }),
      ]);
      seen.push(won.status, again.status);
      expect(won.status).toBe(200);
      expect(again.status).toBe(409);
    }
    expect(seen).not.toContain(500);
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
});
