import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effect } from '../../shared/outbox';
import { OutboxRelay } from '../../shared/outbox/relay';
import type { Realtime } from '../../shared/ports/realtime';
import { enqueue } from '../helpers/outbox';
import { createTestStack, type TestStack } from '../helpers/runtime';

let s: TestStack;
beforeAll(async () => {
  s = await createTestStack({ publishedContract: false });
});
afterAll(() => s.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A relay over the stack's outbox whose Firestore takes `ms` per commit and counts commits in flight. */
function timedRelay(ms: number, widenAfterMs: number) {
  const seen = { commits: 0, inFlight: 0, maxInFlight: 0, rows: 0 };
  const commit = async (rows: number) => {
    seen.commits++;
    seen.maxInFlight = Math.max(seen.maxInFlight, ++seen.inFlight);
    await sleep(ms);
    seen.inFlight--;
    seen.rows += rows;
  };
  const realtime: Realtime = {
    ...s.rt.realtime,
    set: () => commit(1),
    writeBatch: (writes) => commit(writes.length),
  };
  return { relay: new OutboxRelay({ ...s.rt, realtime, batchesInFlight: 3, widenAfterMs }), seen };
}

describe('the relay under a stream of commits', () => {
  it('takes the rows committed while a batch is written out into its next claim, one batch at a time', async () => {
    await s.rt.relay.drainAll();
    // Kicks never wait long enough here to start a batch alongside: what is left is the gathering.
    const { relay, seen } = timedRelay(100, 60_000);
    const drains: Array<Promise<number>> = [];
    // 50 commits, each kicking the relay as commitWithEffects does.
    for (let i = 0; i < 50; i++) {
      await enqueue(s.rt.db, effect.setDoc(`streams/${randomUUID()}`, { i }));
      drains.push(relay.drainAll());
      await sleep(2);
    }
    await Promise.all(drains);
    await relay.drainAll();
    expect(seen.maxInFlight).toBe(1);
    expect(seen.rows).toBe(50);
    expect(seen.commits).toBeLessThanOrEqual(25);
  });

  it('starts a batch alongside for a kick that a slow batch keeps waiting', async () => {
    await s.rt.relay.drainAll();
    const { relay, seen } = timedRelay(1_000, 50);
    await enqueue(s.rt.db, effect.setDoc(`streams/${randomUUID()}`, { first: true }));
    const first = relay.drainAll();
    await sleep(20);
    await enqueue(s.rt.db, effect.setDoc(`streams/${randomUUID()}`, { second: true }));
    const second = relay.drainAll();
    await sleep(500);
    // The first commit is still being written: the second kick got its own batch after 50 ms.
    expect(seen.maxInFlight).toBe(2);
    await Promise.all([first, second]);
  });
});
