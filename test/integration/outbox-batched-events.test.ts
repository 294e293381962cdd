import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effect, MAX_EVENT_ITEMS } from '../../shared/outbox';
import { OutboxRelay } from '../../shared/outbox/relay';
import type { PublishedEvent } from '../../shared/ports/event-bus';
import { enqueueMany } from '../helpers/outbox';
import { createTestStack, type TestStack } from '../helpers/runtime';

let s: TestStack;
beforeAll(async () => {
  s = await createTestStack({ publishedContract: false });
});
afterAll(() => s.close());

/** A relay of its own over the stack's outbox, whose Pub/Sub records what it is asked to publish. */
function recordingRelay(fail: (e: PublishedEvent) => boolean = () => false) {
  const published: PublishedEvent[] = [];
  const relay = new OutboxRelay({
    ...s.rt,
    eventBus: {
      publish: async (e) => {
        if (fail(e)) throw new Error('pubsub unavailable');
        published.push(e);
        return randomUUID();
      },
    },
  });
  return { relay, published };
}

const screening = (topic: string, n: number, type = 'message_screening') =>
  Array.from({ length: n }, (_, i) => ({
    item: effect.batchedEvent({ topic, data: { message_id: `m${i}` }, attributes: { type } }),
  }));

describe('batched events: one message per topic and attributes per relay batch', () => {
  it('groups batched events by topic and attributes, in claim order; plain events go one by one', async () => {
    await s.rt.relay.drainAll();
    const topic = `t-${randomUUID()}`;
    await enqueueMany(s.rt.db, [
      ...screening(topic, 3),
      ...screening(topic, 1, 'other'),
      { item: effect.event({ topic, data: { plain: 1 } }) },
      { item: effect.event({ topic, data: { plain: 2 } }) },
    ]);
    const { relay, published } = recordingRelay();
    expect(await relay.drainAll()).toBe(6);
    const mine = published.filter((e) => e.topic === topic);
    expect(mine).toHaveLength(4);
    expect(mine).toEqual(
      expect.arrayContaining([
        {
          topic,
          data: { items: [{ message_id: 'm0' }, { message_id: 'm1' }, { message_id: 'm2' }] },
          attributes: { type: 'message_screening' },
        },
        { topic, data: { items: [{ message_id: 'm0' }] }, attributes: { type: 'other' } },
        { topic, data: { plain: 1 } },
        { topic, data: { plain: 2 } },
      ]),
    );
  });

  it('splits a group at MAX_EVENT_ITEMS, what the subscriber accepts, however large the batch', async () => {
    await s.rt.relay.drainAll();
    const topic = `t-${randomUUID()}`;
    await enqueueMany(s.rt.db, screening(topic, MAX_EVENT_ITEMS + 1));
    const published: PublishedEvent[] = [];
    const relay = new OutboxRelay({
      ...s.rt,
      batchSize: MAX_EVENT_ITEMS + 100,
      eventBus: { publish: async (e) => (published.push(e), randomUUID()) },
    });
    await relay.drainAll();
    const sizes = published
      .filter((e) => e.topic === topic)
      .map((e) => (e.data.items as unknown[]).length)
      .sort((a, b) => b - a);
    expect(sizes).toEqual([MAX_EVENT_ITEMS, 1]);
  });

  it('a failed publish fails every row of its group, and the retry publishes them together again', async () => {
    await s.rt.relay.drainAll();
    const topic = `t-${randomUUID()}`;
    await enqueueMany(s.rt.db, screening(topic, 4));
    const down = recordingRelay((e) => e.topic === topic);
    await down.relay.drainAll();
    const { rows } = await s.rt.db.query(
      `SELECT attempts, delivered_at, last_error FROM outbox WHERE payload->'event'->>'topic' = $1`,
      [topic],
    );
    expect(rows).toHaveLength(4);
    for (const r of rows)
      expect(r).toMatchObject({ attempts: 1, delivered_at: null, last_error: 'pubsub unavailable' });

    await s.rt.db.query(`UPDATE outbox SET available_at = now() WHERE payload->'event'->>'topic' = $1`, [topic]);
    const up = recordingRelay();
    await up.relay.drainAll();
    expect(up.published.filter((e) => e.topic === topic)).toEqual([
      {
        topic,
        data: { items: [0, 1, 2, 3].map((i) => ({ message_id: `m${i}` })) },
        attributes: { type: 'message_screening' },
      },
    ]);
    const left = await s.rt.db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE payload->'event'->>'topic' = $1 AND delivered_at IS NULL`,
      [topic],
    );
    expect(left.rows[0].n).toBe(0);
  });
});

describe('a batch whose events went out before its Firestore writes landed', () => {
  it('records every outcome in one statement', async () => {
    await s.rt.relay.drainAll();
    const topic = `t-${randomUUID()}`;
    await enqueueMany(s.rt.db, [
      { item: effect.setDoc(`rooms/${randomUUID()}`, { n: 1 }) },
      { item: effect.setDoc(`rooms/${randomUUID()}`, { n: 2 }) },
      ...screening(topic, 2),
    ]);
    const marks: string[] = [];
    const db = new Proxy(s.rt.db, {
      get(target, key) {
        const value = Reflect.get(target, key) as unknown;
        if (key !== 'query') return typeof value === 'function' ? value.bind(target) : value;
        return (text: string, ...rest: unknown[]) => {
          if (/^UPDATE outbox SET delivered_at = /.test(text)) marks.push(text);
          return (target.query as (t: string, ...r: unknown[]) => Promise<unknown>)(text, ...rest);
        };
      },
    });
    const relay = new OutboxRelay({
      ...s.rt,
      db,
      eventBus: { publish: async () => randomUUID() },
      realtime: {
        ...s.rt.realtime,
        writeBatch: async () => void (await new Promise((r) => setTimeout(r, 50))),
      },
    });
    expect(await relay.drainAll()).toBe(4);
    expect(marks).toHaveLength(1);
  });
});
