import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effect } from '../../shared/outbox';
import { OutboxRelay } from '../../shared/outbox/relay';
import { buildPush } from '../../shared/push';
import type { PushMessage } from '../../shared/ports/push';
import { enqueueMany } from '../helpers/outbox';
import { createTestStack, type TestStack } from '../helpers/runtime';

let s: TestStack;
beforeAll(async () => {
  s = await createTestStack({ publishedContract: false });
});
afterAll(() => s.close());

const content = buildPush('pairing_expired', { request_id: 'r1' });
const to = (token: string): PushMessage => ({ ...content, userId: 'u1', token });

/** A relay whose push computer answers `build` (counting its calls) and whose FCM fails the tokens in `down`. */
function relayWith(build: (id: string) => PushMessage[] | Error, down = new Set<string>()) {
  const sent: string[] = [];
  const calls: string[][] = [];
  const relay = new OutboxRelay({
    ...s.rt,
    push: {
      send: async (m) => {
        if (down.has(m.token)) return { ok: false, unregistered: false, error: 'fcm unavailable' };
        sent.push(m.token);
        return { ok: true, messageId: randomUUID() };
      },
    },
    pushComputers: {
      test: async (_q, ids) => {
        calls.push(ids);
        const out = new Map<string, PushMessage[]>();
        for (const id of ids) {
          const built = build(id);
          if (built instanceof Error) throw built;
          out.set(id, built);
        }
        return out;
      },
    },
  });
  return { relay, sent, calls };
}

const row = async (key: string) =>
  (
    await s.rt.db.query(
      'SELECT payload, attempts, delivered_at IS NOT NULL AS delivered, last_error FROM outbox WHERE dedupe_key = $1',
      [key],
    )
  ).rows[0];

describe('computed pushes: built by the relay when it sends them', () => {
  it('sends what the computer builds, one call per batch; a recipient without devices is simply done', async () => {
    await s.rt.relay.drainAll();
    const [a, b] = [randomUUID(), randomUUID()];
    await enqueueMany(s.rt.db, [
      { item: effect.computePushes('test', a), dedupeKey: `p:${a}` },
      { item: effect.computePushes('test', b), dedupeKey: `p:${b}` },
    ]);
    const { relay, sent, calls } = relayWith((id) => (id === a ? [to('t1'), to('t2')] : []));
    await relay.drainAll();
    expect(sent.sort()).toEqual(['t1', 't2']);
    expect(calls).toEqual([[a, b]]);
    expect((await row(`p:${a}`)).delivered).toBe(true);
    expect((await row(`p:${b}`)).delivered).toBe(true);
    // Delivered, it is never re-armed by the same key again (unlike a computed document).
    expect(await enqueueMany(s.rt.db, [{ item: effect.computePushes('test', a), dedupeKey: `p:${a}` }])).toBe(0);
  });

  it('a failed build fails the row, which is built again on its retry', async () => {
    await s.rt.relay.drainAll();
    const id = randomUUID();
    await enqueueMany(s.rt.db, [{ item: effect.computePushes('test', id), dedupeKey: `p:${id}` }]);
    await relayWith(() => new Error('database blip')).relay.drainAll();
    expect(await row(`p:${id}`)).toMatchObject({ delivered: false, attempts: 1, last_error: 'database blip' });
    await s.rt.db.query('UPDATE outbox SET available_at = now() WHERE dedupe_key = $1', [`p:${id}`]);
    const retry = relayWith(() => [to('t3')]);
    await retry.relay.drainAll();
    expect(retry.sent).toEqual(['t3']);
    expect((await row(`p:${id}`)).delivered).toBe(true);
  });

  it('a row sent in part keeps only its unsent messages: the retry sends those, without building again', async () => {
    await s.rt.relay.drainAll();
    const id = randomUUID();
    await enqueueMany(s.rt.db, [{ item: effect.computePushes('test', id), dedupeKey: `p:${id}` }]);
    await relayWith(() => [to('ok-1'), to('down-1')], new Set(['down-1'])).relay.drainAll();
    const failed = await row(`p:${id}`);
    expect(failed).toMatchObject({ delivered: false, last_error: 'fcm unavailable' });
    expect(failed.payload.messages.map((m: PushMessage) => m.token)).toEqual(['down-1']);
    await s.rt.db.query('UPDATE outbox SET available_at = now() WHERE dedupe_key = $1', [`p:${id}`]);
    const retry = relayWith(() => [to('ok-1'), to('down-1')]);
    await retry.relay.drainAll();
    expect(retry.sent).toEqual(['down-1']);
    expect(retry.calls).toEqual([]);
  });
});
