import { json } from '../helpers/http';
import { randomUUID } from 'node:crypto';
import { Firestore } from '@google-cloud/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tx } from '../../shared/db/tx';
import { effect } from '../../shared/outbox';
import { enqueue } from '../helpers/outbox';
import { OutboxRelay } from '../../shared/outbox/relay';
import { listenViewFree, type SeenDoc } from '../../bench/lib/view-free-listener';
import type { Realtime } from '../../shared/ports/realtime';
import { buildPush } from '../../shared/push';
import { createTestStack, type TestStack } from '../helpers/runtime';

let s: TestStack;
const withdrawn = buildPush('request_withdrawn', { request_id: 'r1', reason: 'taken' });
let listenerDb: Firestore;
beforeAll(async () => {
  // The relay's mechanics, fed documents and pushes made up for it: not the published ones.
  s = await createTestStack({ publishedContract: false });
  listenerDb = new Firestore({ projectId: s.rt.env.FIREBASE_PROJECT_ID });
});
afterAll(async () => {
  await listenerDb.terminate();
  await s.close();
});

function waitForDoc(path: string, predicate: (d: FirebaseFirestore.DocumentData | undefined) => boolean) {
  return new Promise<FirebaseFirestore.DocumentData | undefined>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${path}`)), 10_000);
    const unsubscribe = listenerDb.doc(path).onSnapshot((snap) => {
      if (predicate(snap.data())) {
        clearTimeout(timer);
        unsubscribe();
        resolve(snap.data());
      }
    }, reject);
  });
}

/** A Realtime that accepts everything and stores nothing, with the parts a test watches replaced. */
function fakeRealtime(parts: Partial<Realtime>): Realtime {
  return {
    set: async () => undefined,
    delete: async () => undefined,
    get: async () => null,
    list: async () => [],
    ...parts,
  };
}
describe('Realtime port (Firestore emulator) and the outbox', () => {
  it('a listener on the official client sees a document written through the Realtime port', async () => {
    const path = `customers/${randomUUID()}/pairing/current`;
    const seen = waitForDoc(path, (d) => d?.status === 'paired');
    await s.rt.realtime.set(path, { status: 'searching' });
    await s.rt.realtime.set(path, { status: 'paired', session_id: 's1' }, { merge: true });
    expect(await seen).toEqual({ status: 'paired', session_id: 's1' });
    expect(await s.rt.realtime.get(path)).toEqual({ status: 'paired', session_id: 's1' });
  });

  it('side effects enqueued in a committed transaction are delivered; a rolled-back one leaves nothing', async () => {
    const committed = `sessions/${randomUUID()}`;
    const rolledBack = `sessions/${randomUUID()}`;
    const seen = waitForDoc(committed, (d) => d?.state === 'active');
    await tx(s.rt.db, (c) => enqueue(c, effect.setDoc(committed, { state: 'active' })));
    await expect(
      tx(s.rt.db, async (c) => {
        await enqueue(c, effect.setDoc(rolledBack, { state: 'active' }));
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    await s.rt.relay.drainAll();
    expect(await seen).toEqual({ state: 'active' });
    expect(await s.rt.realtime.get(rolledBack)).toBeNull();
  });

  it('the test route reads documents and collections back from the emulator', async () => {
    const session = randomUUID();
    await s.rt.realtime.set(`sessions/${session}/messages/m1`, { seq: 1 });
    await s.rt.realtime.set(`sessions/${session}/messages/m2`, { seq: 2 });
    const doc = await json(s.request(`/internal/_test/realtime?path=sessions/${session}/messages/m1`));
    expect(doc).toEqual({ path: `sessions/${session}/messages/m1`, exists: true, data: { seq: 1 } });
    const col = await json(s.request(`/internal/_test/realtime?path=sessions/${session}/messages`));
    expect(col.docs.map((d: { id: string }) => d.id).sort()).toEqual(['m1', 'm2']);
    expect((await s.request('/internal/_test/realtime?path=/bad//path')).status).toBe(400);
  });

  it('a failed delivery stays queued and is retried; later writes to the same document wait behind it', async () => {
    const path = `flaky/${randomUUID()}`;
    let failNext = true;
    const writes: unknown[] = [];
    const flaky = fakeRealtime({
      set: async (_p, data) => {
        if (failNext) {
          failNext = false;
          throw new Error('UNAVAILABLE');
        }
        writes.push(data);
      },
    });
    const relay = new OutboxRelay({ ...s.rt, realtime: flaky });
    await s.rt.db.query('UPDATE outbox SET delivered_at = now() WHERE delivered_at IS NULL');
    await enqueue(s.rt.db, effect.setDoc(path, { v: 1 }));
    await enqueue(s.rt.db, effect.setDoc(path, { v: 2 }));
    expect(await relay.drainAll()).toBe(0);
    expect(writes).toEqual([]);
    await s.rt.db.query('UPDATE outbox SET available_at = now() WHERE delivered_at IS NULL');
    expect(await relay.drainAll()).toBe(2);
    expect(writes).toEqual([{ v: 1 }, { v: 2 }]);
  });

  it('a batch that fails whole does not hold back the rows queued behind it', async () => {
    const failing = `down/${randomUUID()}`;
    const fine = `up/${randomUUID()}`;
    const written: string[] = [];
    const partlyDown = fakeRealtime({
      set: async (path) => {
        if (path.startsWith(failing)) throw new Error('UNAVAILABLE');
        written.push(path);
      },
    });
    await s.rt.db.query('UPDATE outbox SET delivered_at = now() WHERE delivered_at IS NULL');
    for (const path of [`${failing}/a`, `${failing}/b`, `${fine}/c`, `${fine}/d`])
      await enqueue(s.rt.db, effect.setDoc(path, { x: 1 }));
    const relay = new OutboxRelay({ ...s.rt, realtime: partlyDown, batchSize: 2, batchesInFlight: 1 });
    expect(await relay.drainAll()).toBe(2);
    expect(written.sort()).toEqual([`${fine}/c`, `${fine}/d`]);
    await s.rt.db.query('UPDATE outbox SET delivered_at = now() WHERE delivered_at IS NULL');
  });

  it('two relays draining at once deliver the writes to one document strictly in order', async () => {
    const path = `ordered/${randomUUID()}`;
    const seen: number[] = [];
    const slow = fakeRealtime({
      set: async (p, data) => {
        if (p !== path) return;
        await new Promise((r) => setTimeout(r, Math.random() * 5));
        seen.push(data.n as number);
      },
    });
    await s.rt.relay.drainAll();
    for (let n = 1; n <= 20; n++) await enqueue(s.rt.db, effect.setDoc(path, { n }));
    // Small batches, so the two relays really do split the rows between them.
    const a = new OutboxRelay({ ...s.rt, realtime: slow, batchSize: 3 });
    const b = new OutboxRelay({ ...s.rt, realtime: slow, batchSize: 3 });
    await Promise.all([a.drainAll(), b.drainAll(), a.drainAll()]);
    await Promise.all([a.drainAll(), b.drainAll()]);
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('a backlog that fills batches is written by up to three batches at once, each document still in order', async () => {
    const prefix = `wide/${randomUUID()}`;
    const seen = new Map<string, number[]>();
    let inFlight = 0;
    let widest = 0;
    const slow = fakeRealtime({
      writeBatch: async (writes) => {
        widest = Math.max(widest, ++inFlight);
        await new Promise((r) => setTimeout(r, 20));
        for (const w of writes) {
          if (w.op === 'set' && w.path.startsWith(prefix))
            seen.set(w.path, [...(seen.get(w.path) ?? []), w.data.n as number]);
        }
        inFlight -= 1;
      },
    });
    await s.rt.relay.drainAll();
    const items = Array.from({ length: 5 }, (_, n) =>
      Array.from({ length: 12 }, (_, d) => effect.setDoc(`${prefix}/d${d}`, { n })),
    ).flat();
    await tx(s.rt.db, async (c) => {
      for (const item of items) await enqueue(c, item);
    });
    const relay = new OutboxRelay({ ...s.rt, realtime: slow, batchSize: 4 });
    expect(await relay.drainAll()).toBe(60);
    expect(widest).toBe(3);
    expect([...seen.values()]).toEqual(Array.from({ length: 12 }, () => [0, 1, 2, 3, 4]));
  });

  it('a session’s messages never overtake each other: one batch of a session in flight at a time, under parallel batches', async () => {
    const sessions = [randomUUID(), randomUUID()];
    const written: Record<string, number[]> = {};
    const inFlight = new Map<string, number>();
    let overlapped = 0;
    let widest = 0;
    let batches = 0;
    const slow = fakeRealtime({
      writeBatch: async (writes) => {
        widest = Math.max(widest, ++batches);
        const mine = writes.filter((w) => w.path.match(/^sessions\/[^/]+\/messages\//));
        // A session's messages may share a batch (one commit); never two batches at once.
        for (const session of new Set(mine.map((w) => w.path.split('/')[1]!))) {
          if ((inFlight.get(session) ?? 0) > 0) overlapped++;
          inFlight.set(session, (inFlight.get(session) ?? 0) + 1);
        }
        // Long enough for the other workers to claim theirs on a loaded machine (a claim takes 10-30 ms there).
        await new Promise((r) => setTimeout(r, 60));
        for (const session of new Set(mine.map((w) => w.path.split('/')[1]!)))
          inFlight.set(session, inFlight.get(session)! - 1);
        for (const w of mine) if (w.op === 'set') (written[w.path.split('/')[1]!] ??= []).push(w.data.seq as number);
        batches -= 1;
      },
    });
    await s.rt.relay.drainAll();
    // Interleaved as two busy sessions' sends commit, with other documents between them.
    const items = Array.from({ length: 20 }, (_, i) => [
      ...sessions.map((id) => effect.setDoc(`sessions/${id}/messages/${randomUUID()}`, { seq: i + 1 }, false)),
      effect.setDoc(`elsewhere/${randomUUID()}`, { i }),
    ]).flat();
    await tx(s.rt.db, async (c) => {
      for (const item of items) await enqueue(c, item);
    });
    const relay = new OutboxRelay({ ...s.rt, realtime: slow, batchSize: 4, batchesInFlight: 3 });
    expect(await relay.drainAll()).toBe(items.length);
    expect(widest).toBe(3); // the batches did run side by side
    expect(overlapped).toBe(0);
    const seqs = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(sessions.map((id) => written[id])).toEqual([seqs, seqs]);
    const { rows } = await s.rt.db.query(`SELECT DISTINCT ordering_key FROM outbox WHERE payload->>'path' LIKE $1`, [
      `sessions/${sessions[0]}/messages/%`,
    ]);
    expect(rows).toEqual([{ ordering_key: `sessions/${sessions[0]}/messages` }]);
  });

  it('a session’s next message does not wait for the events its previous message committed (screening, SPEC §15)', async () => {
    await s.rt.relay.drainAll();
    const session = randomUUID();
    const written: number[] = [];
    let open!: () => void;
    const publishing = new Promise<void>((resolve) => (open = resolve));
    const until = async (what: string, done: () => boolean) => {
      for (let waited = 0; !done(); waited += 10) {
        if (waited > 5_000) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    const relay = new OutboxRelay({
      ...s.rt,
      realtime: fakeRealtime({
        set: async (_path, data) => void written.push(data.seq as number),
        writeBatch: async (writes) => {
          for (const w of writes) if (w.op === 'set') written.push(w.data.seq as number);
        },
      }),
      // Pub/Sub slow to answer: the publishes hang until the test lets them through.
      eventBus: { publish: async () => (await publishing, randomUUID()) },
    });
    for (const seq of [1, 2])
      await tx(s.rt.db, async (c) => {
        await enqueue(c, effect.setDoc(`sessions/${session}/messages/m${seq}`, { seq }, false));
        await enqueue(c, effect.event({ topic: 'message-screening', data: { session_id: session, seq } }));
      });
    const drained = relay.drainAll();
    await until('message 1', () => written.includes(1));
    void relay.drainAll(); // the kick of the next commit
    await until('message 2 while the events still hang', () => written.includes(2));
    open();
    expect(await drained).toBe(4);
    expect(written).toEqual([1, 2]);
  });

  it('a drain whose database fails rejects every caller once and leaves no worker’s error unobserved', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (err: unknown) => unhandled.push(err);
    process.on('unhandledRejection', onUnhandled);
    try {
      await s.rt.relay.drainAll();
      for (let i = 0; i < 12; i++) await enqueue(s.rt.db, effect.setDoc(`broken/${randomUUID()}`, { i }));
      // The database goes away between writing a batch out and marking it delivered.
      const db = new Proxy(s.rt.db, {
        get(target, key) {
          const value = Reflect.get(target, key) as unknown;
          if (key !== 'query') return typeof value === 'function' ? value.bind(target) : value;
          return (text: string, ...rest: unknown[]) =>
            /^UPDATE outbox SET delivered_at = /.test(text)
              ? Promise.reject(new Error('database went away'))
              : (target.query as (t: string, ...r: unknown[]) => Promise<unknown>)(text, ...rest);
        },
      });
      const quiet = fakeRealtime({ writeBatch: async () => undefined });
      const relay = new OutboxRelay({ ...s.rt, db, realtime: quiet, batchSize: 2 });
      // A second caller while the first drains starts a second batch alongside.
      const calls = [relay.drainAll(), relay.drainAll(), relay.drainAll()];
      for (const call of calls) await expect(call).rejects.toThrow('database went away');
      await new Promise((r) => setTimeout(r, 100));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await s.rt.db.query(
        `UPDATE outbox SET delivered_at = now() WHERE delivered_at IS NULL AND payload->>'path' LIKE 'broken/%'`,
      );
    }
  });

  it('a dedupe key enqueues an effect once however often the trigger is redelivered', async () => {
    const key = `push:${randomUUID()}`;
    const results = await Promise.all(
      [1, 2, 3].map(() => enqueue(s.rt.db, effect.push({ ...withdrawn, userId: 'm_1', token: 't' }), key)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('pushes go through the recorder and unregistered tokens reach the cleanup hook', async () => {
    const user = randomUUID();
    const cleaned: string[] = [];
    const relay = new OutboxRelay({
      ...s.rt,
      onUnregisteredToken: async (m) => {
        cleaned.push(m.token);
      },
    });
    const paired = buildPush('paired', { session_id: 's1', mitra_name: 'Ayu' });
    await enqueue(s.rt.db, effect.push({ ...paired, userId: user, token: 'good-token' }));
    await enqueue(s.rt.db, effect.push({ ...paired, userId: user, token: 'unregistered-old' }));
    await relay.drainAll();
    const { messages } = await json(s.request(`/internal/_test/push?user_id=${user}`));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      token: 'good-token',
      data: { type: 'paired', session_id: 's1' },
      notification: paired.notification,
      android: { priority: 'high', notification: { channelId: 'halobestie_chat_v2', tag: 's1' } },
    });
    expect(cleaned).toEqual(['unregistered-old']);
  });
});

describe('a push row with many messages (a blast)', () => {
  it('is one FCM call; a failure leaves only the unsent messages in the row, and the retry sends only them', async () => {
    const user = randomUUID();
    const calls: string[][] = [];
    let flaky = true;
    const cleaned: string[] = [];
    const relay = new OutboxRelay({
      ...s.rt,
      push: {
        send: async () => {
          throw new Error('the relay sends a batch row through sendMany');
        },
        sendMany: async (messages) => {
          calls.push(messages.map((m) => m.token));
          return messages.map((m) => {
            if (m.token.startsWith('unregistered-')) return { ok: false, unregistered: true, error: 'gone' };
            if (m.token === 'flaky' && flaky) return { ok: false, unregistered: false, error: 'unavailable\0' };
            return { ok: true, messageId: `id-${m.token}` };
          });
        },
      },
      onUnregisteredToken: async (m) => {
        cleaned.push(m.token);
      },
    });
    const message = (token: string) => ({ ...withdrawn, userId: user, token });
    const tokens = ['a', 'flaky', 'unregistered-b', 'c'];
    await enqueue(s.rt.db, effect.pushes(tokens.map(message)));
    await relay.drainAll();
    expect(calls).toEqual([tokens]);
    expect(cleaned).toEqual(['unregistered-b']);
    const { rows } = await s.rt.db.query(
      "SELECT id, payload, last_error, delivered_at FROM outbox WHERE kind = 'push' AND payload->'messages'->0->>'userId' = $1",
      [user],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      payload: { messages: [message('flaky')] },
      last_error: 'unavailable',
      delivered_at: null,
    });

    flaky = false;
    for (let i = 0; i < 2; i++) {
      await s.rt.db.query('UPDATE outbox SET available_at = now() WHERE id = $1', [rows[0].id]);
      await relay.drainAll();
    }
    expect(calls).toEqual([tokens, ['flaky']]);
    expect(cleaned).toEqual(['unregistered-b']);
  });
});

describe('a push past its expiry', () => {
  it('is not sent (an offer delivered after it closed is noise, SPEC §12); the rest of its row is', async () => {
    const user = randomUUID();
    const sent: string[] = [];
    const now = new Date();
    const relay = new OutboxRelay({
      ...s.rt,
      now: () => now,
      push: {
        send: async () => ({ ok: true, messageId: 'x' }),
        sendMany: async (messages) => {
          sent.push(...messages.map((m) => m.token));
          return messages.map((m) => ({ ok: true as const, messageId: m.token }));
        },
      },
    });
    const offer = (token: string, expiresAt: Date) => ({
      ...buildPush('chat_request', {
        request_id: 'r1',
        topic_sensitivity: 'regular',
        customer_name: 'Kupu',
        expires_at: expiresAt,
      }),
      userId: user,
      token,
    });
    await enqueue(
      s.rt.db,
      effect.pushes([offer('closed', new Date(now.getTime() - 1)), offer('open', new Date(now.getTime() + 60_000))]),
    );
    await relay.drainAll();
    expect(sent).toEqual(['open']);
    const { rows } = await s.rt.db.query(
      "SELECT delivered_at FROM outbox WHERE kind = 'push' AND payload->'messages'->0->>'userId' = $1",
      [user],
    );
    expect(rows[0].delivered_at).not.toBeNull();
  });
});

describe('a push call whose answer does not line up', () => {
  it('fails the row whole and keeps every message for the retry', async () => {
    const user = randomUUID();
    const relay = new OutboxRelay({
      ...s.rt,
      push: {
        send: async () => ({ ok: true, messageId: 'x' }),
        sendMany: async () => [{ ok: true, messageId: 'only-one' }],
      },
    });
    const messages = ['a', 'b'].map((token) => ({ ...withdrawn, userId: user, token }));
    await enqueue(s.rt.db, effect.pushes(messages));
    await relay.drainAll();
    const { rows } = await s.rt.db.query(
      "SELECT payload, last_error, delivered_at FROM outbox WHERE kind = 'push' AND payload->'messages'->0->>'userId' = $1",
      [user],
    );
    expect(rows).toEqual([{ payload: { messages }, last_error: '1 results for 2 messages', delivered_at: null }]);
  });
});

describe('push rows whose FCM calls would outlast the lease', () => {
  it('start no call past the budget: the messages not sent stay in the row for the retry', async () => {
    const user = randomUUID();
    const calls: number[] = [];
    const relay = new OutboxRelay({
      ...s.rt,
      pushBudgetMs: 5,
      push: {
        send: async () => ({ ok: true, messageId: 'x' }),
        sendMany: async (messages) => {
          calls.push(messages.length);
          await new Promise((r) => setTimeout(r, 20));
          return messages.map((m) => ({ ok: true as const, messageId: m.token }));
        },
      },
    });
    const messages = Array.from({ length: 501 }, (_, i) => ({ ...withdrawn, userId: user, token: `t${i}` }));
    await enqueue(s.rt.db, effect.pushes(messages));
    await relay.drainAll();
    expect(calls).toEqual([500]);
    const { rows } = await s.rt.db.query(
      "SELECT payload, last_error, delivered_at FROM outbox WHERE kind = 'push' AND payload->'messages'->0->>'userId' = $1",
      [user],
    );
    expect(rows).toEqual([
      { payload: { messages: [messages[500]] }, last_error: 'not sent within the lease', delivered_at: null },
    ]);
  });
});

// The burst bench's lean listener must report what the official client's onSnapshot reports: every added
// or modified document with its status, at the same consistent snapshots, and no removed one.
const untilTrue = async (done: () => boolean) => {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('the view-free listener', () => {
  it('sees the same changes as onSnapshot, snapshot by snapshot', async () => {
    const offers = listenerDb.collection(`mitras/${randomUUID()}/offers`);
    const sdk: SeenDoc[][] = [];
    const lean: SeenDoc[][] = [];
    const unsubscribeSdk = offers.onSnapshot((snap) => {
      const changes = snap
        .docChanges()
        .filter((c) => c.type !== 'removed')
        .map((c) => ({ path: c.doc.ref.path, status: c.doc.get('status') as string | undefined }));
      if (changes.length) sdk.push(changes);
    });
    const errors: Error[] = [];
    const unsubscribeLean = await listenViewFree(
      listenerDb,
      offers,
      (docs) => lean.push(docs),
      (e) => errors.push(e),
    );
    const sorted = (batches: SeenDoc[][]) => batches.map((b) => [...b].sort((x, y) => x.path.localeCompare(y.path)));

    const batch = listenerDb.batch();
    for (const id of ['r1', 'r2', 'r3']) batch.set(offers.doc(id), { status: 'offered', n: 1 });
    await batch.commit();
    await untilTrue(() => lean.length >= 1 && sdk.length >= 1);
    await offers.doc('r2').set({ status: 'missed' });
    await untilTrue(() => lean.length >= 2 && sdk.length >= 2);
    await offers.doc('r1').delete();
    await offers.doc('r4').set({ other: true });
    await untilTrue(() => lean.length >= 3 && sdk.length >= 3);

    expect(sorted(lean)).toEqual(sorted(sdk));
    expect(sorted(lean)).toEqual([
      ['r1', 'r2', 'r3'].map((id) => ({ path: `${offers.path}/${id}`, status: 'offered' })),
      [{ path: `${offers.path}/r2`, status: 'missed' }],
      [{ path: `${offers.path}/r4`, status: undefined }],
    ]);
    unsubscribeSdk();
    unsubscribeLean();
    expect(errors).toEqual([]);
  });
});
