import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../shared/logger';
import { deadLetters } from '../../shared/outbox/backlog';
import { effect, type OutboxEntry } from '../../shared/outbox';
import { enqueueMany } from '../helpers/outbox';
import { OutboxRelay } from '../../shared/outbox/relay';
import { MAX_OUTBOX_ATTEMPTS } from '../../shared/outbox/relay-outcomes';
import type { Push } from '../../shared/ports/push';
import { buildPush } from '../../shared/push';
import type { Realtime } from '../../shared/ports/realtime';
import { json } from '../helpers/http';
import { useTestStack } from '../helpers/runtime';

// The relay under a failing Firestore and FCM: for SOAK_SECONDS (8 in npm test; `npm run soak` runs
// minutes) most calls fail; once the fault clears every effect lands exactly once, writes to one
// document in order, and what used every attempt is a dead letter that /healthz counts and a log names.
const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 8);
const DOCS = 100;
const WRITES_PER_DOC = 3;

// Documents made up for the relay's sake, not the published ones.
const stack = useTestStack({ perFile: true, publishedContract: false });

describe('outbox soak under a failing Firestore and FCM', () => {
  it(
    `delivers everything once the fault clears (${SOAK_SECONDS} s of faults)`,
    async () => {
      const s = stack();
      let failRate = 0.7;
      let seed = 42;
      const flip = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 < failRate;
      const fault = () => {
        if (flip()) throw new Error('UNAVAILABLE: injected');
      };
      const poisoned = (path: string) => path.startsWith('poisoned/');
      const real = s.rt.realtime;
      const realtime: Realtime = {
        get: (p) => real.get(p),
        list: (p) => real.list(p),
        delete: async (p) => (fault(), real.delete(p)),
        set: async (p, d, o) => {
          if (poisoned(p)) throw new Error('INVALID_ARGUMENT: injected');
          fault();
          return real.set(p, d, o);
        },
        writeBatch: async (writes) => {
          if (writes.some((w) => poisoned(w.path))) throw new Error('INVALID_ARGUMENT: injected');
          fault();
          return real.writeBatch!(writes);
        },
      };
      const push: Push = {
        send: async (m) => (fault(), s.rt.push.send(m)),
        sendMany: async (ms) => (fault(), s.rt.push.sendMany!(ms)),
      };
      const logs: string[] = [];
      const relay = new OutboxRelay({ ...s.rt, realtime, push, logger: createLogger('warn', {}, (l) => logs.push(l)) });

      const run = randomUUID().slice(0, 8);
      const users = Array.from({ length: DOCS }, () => randomUUID());
      const entries: OutboxEntry[] = [];
      for (let v = 1; v <= WRITES_PER_DOC; v++) {
        for (let i = 0; i < DOCS; i++) entries.push({ item: effect.setDoc(`soak-${run}/doc-${i}`, { v, i }, false) });
      }
      const content = buildPush('session_updated', { session_id: run, status: 'active' });
      for (const u of users) entries.push({ item: effect.push({ ...content, userId: u, token: `fcm-${u}` }) });
      await enqueueMany(s.rt.db, entries);
      // One write that can never land, one attempt from the end: it becomes the dead letter.
      await enqueueMany(s.rt.db, [{ item: effect.setDoc(`poisoned/${run}`, { x: 1 }) }]);
      await s.rt.db.query("UPDATE outbox SET attempts = $1 WHERE payload->>'path' = $2", [
        MAX_OUTBOX_ATTEMPTS - 1,
        `poisoned/${run}`,
      ]);

      const until = Date.now() + SOAK_SECONDS * 1000;
      while (Date.now() < until) {
        await relay.drain();
        // Backoff is wall-clock; let it elapse faster than real time so a soak of seconds sees many retries.
        await s.rt.db.query(
          "UPDATE outbox SET available_at = now() WHERE delivered_at IS NULL AND payload->>'path' NOT LIKE 'poisoned/%'",
        );
      }
      failRate = 0;
      await s.rt.db.query('UPDATE outbox SET available_at = now() WHERE delivered_at IS NULL');
      await relay.drainAll();

      for (let i = 0; i < DOCS; i++) expect(await real.get(`soak-${run}/doc-${i}`)).toEqual({ v: WRITES_PER_DOC, i });
      const { rows } = await s.rt.db.query<{ user_id: string; n: number }>(
        'SELECT user_id, count(*)::int AS n FROM local_push_log WHERE user_id = ANY($1) GROUP BY user_id',
        [users],
      );
      expect(rows).toHaveLength(DOCS);
      expect(rows.every((r) => r.n === 1)).toBe(true);
      expect(await deadLetters(s.rt.db)).toBe(1);
      expect(logs.some((l) => l.includes('outbox dead letter'))).toBe(true);
      const health = await json(s.request('/healthz'));
      expect(health.outbox.dead_letters).toBe(1);
    },
    60_000 + SOAK_SECONDS * 2000,
  );
});
