import { beforeEach, describe, expect, it } from 'vitest';
import { json } from '../helpers/http';
import { chatRequest, customerWithDevice, onlineMitra, settle } from '../helpers/pairing';
import { useTestStack, type TestStack } from '../helpers/runtime';

// docs/capacity.md: Cloud Tasks dispatches are budgeted per chat request, not per offered mitra (decision 23).
// One task per offered mitra again would turn 100 requests × 200 mitras into 20,000 dispatches.

const stack = useTestStack({ perFile: true });
let s: TestStack;
beforeEach(() => {
  s = stack();
});

/** Every task row the outbox holds for one chat request (created by the request, the blast, the relay). */
async function taskRows(requestId: string) {
  const { rows } = await s.rt.db.query<{ name: string }>(
    `SELECT payload->>'name' AS name FROM outbox WHERE kind = 'task' AND payload->'body'->>'request_id' = $1`,
    [requestId],
  );
  return rows.map((r) => r.name);
}

async function blastTo(n: number) {
  // Nobody else is available while this request is blasted: earlier mitras go offline first.
  await s.rt.db.query('UPDATE mitras SET is_online = false');
  // Nor is anyone else waiting: a mitra coming online is offered the oldest waiting request.
  await s.rt.db.query("UPDATE chat_requests SET status = 'cancelled' WHERE status = 'searching'");
  for (let i = 0; i < n; i++) await onlineMitra(s);
  const c = await customerWithDevice(s);
  const req = await json(chatRequest(s, c.token));
  expect(req.notified_mitras).toBe(n);
  await settle(s); // the Pub/Sub blast handler runs: offer docs and pushes, and whatever tasks it would add
  return { id: req.request_id as string, names: await taskRows(req.request_id) };
}

describe('capacity: tasks per chat request are O(1) in the number of offered mitras', () => {
  it('a blast to N mitras enqueues the same tasks as a blast to 2: one notification timeout, one request timeout, one next wave', async () => {
    const small = await blastTo(2);
    const large = await blastTo(12);
    expect(large.names.length).toBe(small.names.length);
    expect(large.names.length).toBeLessThanOrEqual(3);
    expect(large.names.filter((n) => n.startsWith('pairing-wave:'))).toHaveLength(1);
    expect(large.names.filter((n) => n.startsWith('pairing-notify-timeout:'))).toHaveLength(1);
    expect(large.names.filter((n) => n.startsWith('pairing-request-timeout:'))).toHaveLength(1);
    // The blast itself is ONE Pub/Sub message per request.
    const { rows } = await s.rt.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox WHERE kind = 'event' AND payload->'event'->'data'->>'request_id' = $1`,
      [large.id],
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('a mitra coming online while a request searches adds one task per online event, not per mitra', async () => {
    const { id, names } = await blastTo(5);
    await onlineMitra(s);
    await settle(s);
    const after = await taskRows(id);
    expect(after.length - names.length).toBe(1);
  });
});
