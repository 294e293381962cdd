import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tx } from '../../shared/db/tx';
import { effect } from '../../shared/outbox';
import { OutboxRelay } from '../../shared/outbox/relay';
import type { Realtime, RealtimeWrite } from '../../shared/ports/realtime';
import { enqueue } from '../helpers/outbox';
import { createTestStack, type TestStack } from '../helpers/runtime';

let s: TestStack;
beforeAll(async () => {
  s = await createTestStack({ publishedContract: false });
});
afterAll(() => s.close());

const seqOf = (w: RealtimeWrite) => (w.op === 'set' ? (w.data.seq as number) : -1);

/** A session's burst of `n` messages, committed in seq order. */
async function burst(n: number) {
  const session = randomUUID();
  await tx(s.rt.db, async (c) => {
    for (let seq = 1; seq <= n; seq++)
      await enqueue(c, effect.setDoc(`sessions/${session}/messages/${randomUUID()}`, { seq }, false));
  });
  return session;
}

const pendingOf = async (session: string) =>
  (
    await s.rt.db.query(
      `SELECT (payload->'data'->>'seq')::int AS seq, attempts, last_error FROM outbox
       WHERE payload->>'path' LIKE $1 AND delivered_at IS NULL ORDER BY id`,
      [`sessions/${session}/messages/%`],
    )
  ).rows;

describe("a session's burst of messages", () => {
  it('goes out in one batch behind the one claimed, in seq order (one relay cycle, not one per message)', async () => {
    await s.rt.relay.drainAll();
    await burst(5);
    const commits: number[][] = [];
    const realtime: Realtime = {
      ...s.rt.realtime,
      set: async (_p, data) => void commits.push([data.seq as number]),
      writeBatch: async (writes) => void commits.push(writes.map(seqOf)),
    };
    // One row a claim: the other four come as the claimed one's followers.
    await new OutboxRelay({ ...s.rt, realtime, batchSize: 1 }).drainAll();
    expect(commits).toEqual([[1, 2, 3, 4, 5]]);
  });

  it('a failed commit retried write by write stops the session at the write that failed', async () => {
    await s.rt.relay.drainAll();
    const session = await burst(4);
    const landed: number[] = [];
    const realtime: Realtime = {
      ...s.rt.realtime,
      writeBatch: async () => {
        throw new Error('commit refused');
      },
      set: async (_p, data) => {
        if (data.seq === 2) throw new Error('write refused');
        landed.push(data.seq as number);
      },
    };
    await new OutboxRelay({ ...s.rt, realtime }).drainAll();
    expect(landed).toEqual([1]);
    expect(await pendingOf(session)).toEqual([
      { seq: 2, attempts: 1, last_error: 'write refused' },
      { seq: 3, attempts: 1, last_error: 'an earlier write with its ordering key did not land' },
      { seq: 4, attempts: 1, last_error: 'an earlier write with its ordering key did not land' },
    ]);
    // Due again: the rest land, still in order.
    await s.rt.db.query(`UPDATE outbox SET available_at = now() WHERE payload->>'path' LIKE $1`, [
      `sessions/${session}/messages/%`,
    ]);
    const after: number[][] = [];
    await new OutboxRelay({
      ...s.rt,
      realtime: {
        ...s.rt.realtime,
        set: async (_p, data) => void after.push([data.seq as number]),
        writeBatch: async (writes) => void after.push(writes.map(seqOf)),
      },
    }).drainAll();
    expect(after).toEqual([[2, 3, 4]]);
    expect(await pendingOf(session)).toEqual([]);
  });

  it('written one by one (no batch commit), its messages still go one after another', async () => {
    await s.rt.relay.drainAll();
    await burst(3);
    const order: number[] = [];
    let inFlight = 0;
    let widest = 0;
    const realtime: Realtime = {
      ...s.rt.realtime,
      writeBatch: undefined,
      set: async (_p, data) => {
        widest = Math.max(widest, ++inFlight);
        await new Promise((r) => setTimeout(r, 20));
        inFlight--;
        order.push(data.seq as number);
      },
    };
    await new OutboxRelay({ ...s.rt, realtime }).drainAll();
    expect(order).toEqual([1, 2, 3]);
    expect(widest).toBe(1);
  });
});
