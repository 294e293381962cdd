import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effect, type OutboxEntry } from '../../shared/outbox';
import { OutboxRelay } from '../../shared/outbox/relay';
import type { RealtimeDoc } from '../../shared/ports/realtime';
import { enqueueMany } from '../helpers/outbox';
import { createTestStack, type TestStack } from '../helpers/runtime';

let s: TestStack;
beforeAll(async () => {
  s = await createTestStack({ publishedContract: false });
});
afterAll(() => s.close());

/**
 * The race `npm run load -- --sessions 500` lost a read receipt to: a change committed after the relay
 * read a computed document and before it marked the row delivered.
 */
describe('a computed document changed while its write is in flight', () => {
  it('is written again with the change, by the same drain, and then marked delivered', async () => {
    await s.rt.relay.drainAll();
    const id = randomUUID();
    const path = `counters/${id}`;
    const entry: OutboxEntry = { item: effect.computeDoc(path, 'test-counter', id), dedupeKey: `${id}-w1` };
    let value = 1;
    let raced = false;
    const written: RealtimeDoc[] = [];
    const relay = new OutboxRelay({
      ...s.rt,
      realtime: {
        ...s.rt.realtime,
        set: async (p, data) => void (p === path && written.push(data)),
        writeBatch: async (writes) => {
          for (const w of writes) if (w.op === 'set' && w.path === path) written.push(w.data);
        },
      },
      computers: {
        'test-counter': async (_q, ids) => {
          const read = value;
          if (!raced) {
            // A receipt commits right after this read: the value moves and its transaction records the write.
            raced = true;
            value = 2;
            await enqueueMany(s.rt.db, [entry]);
          }
          return new Map(ids.map((i) => [i, { value: read }]));
        },
      },
    });
    await enqueueMany(s.rt.db, [entry]);
    await relay.drainAll();
    expect(written).toEqual([{ value: 1 }, { value: 2 }]);
    const { rows } = await s.rt.db.query(
      'SELECT delivered_at IS NOT NULL AS delivered FROM outbox WHERE dedupe_key = $1',
      [`${id}-w1`],
    );
    expect(rows).toEqual([{ delivered: true }]);
  });
});
