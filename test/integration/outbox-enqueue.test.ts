import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effect, type OutboxEntry } from '../../shared/outbox';
import { enqueueFirst, enqueueMany } from '../helpers/outbox';
import { markDelivered, reschedule } from '../../shared/outbox/relay-repo';
import { buildPush } from '../../shared/push';
import { createTestDatabase } from '../helpers/db';

// enqueueMany sends its rows as one JSON array: what comes out of the table is exactly what went in,
// in the order given, and a dedupe key already present skips only its own row.
let db: pg.Pool;
beforeAll(async () => {
  db = new pg.Pool({ connectionString: await createTestDatabase(), max: 2 });
});
afterAll(() => db.end());

const stored = async (from: number) =>
  (
    await db.query<{ id: number; kind: string; payload: unknown; dedupe_key: string | null }>(
      'SELECT id, kind, payload, dedupe_key FROM outbox WHERE id > $1 ORDER BY id',
      [from],
    )
  ).rows;
const lastId = async () => Number((await db.query('SELECT coalesce(max(id), 0) AS n FROM outbox')).rows[0].n);

describe('enqueueMany', () => {
  it('stores every kind of payload exactly, in the given order', async () => {
    // Any JSON a document can hold except NUL, which Postgres' jsonb refuses (inputs reject it before this).
    const text = fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\u0000'));
    const data = fc.dictionary(text, fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null)), { maxKeys: 4 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(text, data), { minLength: 2, maxLength: 12 }), async (docs) => {
        const from = await lastId();
        const entries: OutboxEntry[] = docs.map(([path, doc], i) => ({
          item:
            i % 2
              ? effect.setDoc(`rooms/${path}`, doc, false)
              : effect.push({ ...buildPush('pairing_expired', { request_id: 'r1' }), userId: path, token: 't' }),
        }));
        expect(await enqueueMany(db, entries)).toBe(entries.length);
        const rows = await stored(from);
        expect(rows.map((r) => ({ kind: r.kind, ...(r.payload as object) }))).toEqual(entries.map((e) => e.item));
        expect(rows.map((r) => r.dedupe_key)).toEqual(entries.map(() => null));
      }),
      { numRuns: 50 },
    );
  });

  it('skips the rows whose dedupe key is already there, and only those', async () => {
    const key = `k-${Date.now()}`;
    const entry = (n: number, dedupeKey?: string): OutboxEntry => ({
      item: effect.setDoc(`rooms/r${n}`, { n }),
      dedupeKey,
    });
    const from = await lastId();
    expect(await enqueueMany(db, [entry(1, `${key}-a`), entry(2)])).toBe(2);
    expect(await enqueueMany(db, [entry(3, `${key}-a`), entry(4, `${key}-b`), entry(5)])).toBe(2);
    const rows = await stored(from);
    expect(rows.map((r) => (r.payload as { data: { n: number } }).data.n)).toEqual([1, 2, 4, 5]);
    expect(rows.map((r) => r.dedupe_key)).toEqual([`${key}-a`, null, `${key}-b`, null]);
  });

  it('re-arms a computed document whose window already went out (a late commit still reaches it); nothing else', async () => {
    const key = `w-${Date.now()}`;
    const computed: OutboxEntry = {
      item: effect.computeDoc(`sessions/${key}`, 'session-counters', key),
      dedupeKey: `${key}-counters`,
    };
    const plain: OutboxEntry = { item: effect.setDoc(`rooms/${key}`, { n: 1 }), dedupeKey: `${key}-plain` };
    expect(await enqueueMany(db, [computed, plain])).toBe(2);
    // Undelivered: the same window's change is already covered (the write reads Postgres when it goes).
    expect(await enqueueMany(db, [computed, plain])).toBe(0);
    await db.query('UPDATE outbox SET delivered_at = now(), attempts = 1 WHERE dedupe_key = ANY($1)', [
      [`${key}-counters`, `${key}-plain`],
    ]);
    // Delivered: the computed row goes out again, the plain one (a push, a whole doc) never twice.
    expect(await enqueueMany(db, [computed, plain])).toBe(1);
    const { rows } = await db.query(
      'SELECT dedupe_key, delivered_at IS NULL AS pending, attempts FROM outbox WHERE dedupe_key = ANY($1) ORDER BY dedupe_key',
      [[`${key}-counters`, `${key}-plain`]],
    );
    expect(rows).toEqual([
      { dedupe_key: `${key}-counters`, pending: true, attempts: 0 },
      { dedupe_key: `${key}-plain`, pending: false, attempts: 1 },
    ]);
  });

  it('a computed row changed while in flight goes back in the queue after that flight, keeping its lease meanwhile', async () => {
    const key = `i-${Date.now()}`;
    const computed: OutboxEntry = {
      item: effect.computeDoc(`sessions/${key}`, 'session-counters', key),
      dedupeKey: `${key}-counters`,
    };
    const plain: OutboxEntry = { item: effect.setDoc(`rooms/${key}`, { n: 1 }), dedupeKey: `${key}-plain` };
    const keys = [`${key}-counters`, `${key}-plain`];
    const state = async () =>
      (
        await db.query(
          `SELECT dedupe_key, delivered_at IS NULL AS pending, attempts, changed_in_flight,
             available_at > now() + interval '10 seconds' AS leased
           FROM outbox WHERE dedupe_key = ANY($1) ORDER BY dedupe_key`,
          [keys],
        )
      ).rows;
    expect(await enqueueMany(db, [computed, plain])).toBe(2);
    // Claimed by a relay (what claimBatch does to a row), then the same window changes twice.
    await db.query(
      `UPDATE outbox SET attempts = 1, available_at = now() + interval '30 seconds' WHERE dedupe_key = ANY($1)`,
      [keys],
    );
    expect(await enqueueMany(db, [computed, plain])).toBe(1);
    expect(await enqueueMany(db, [computed, plain])).toBe(0);
    expect(await state()).toEqual([
      { dedupe_key: `${key}-counters`, pending: true, attempts: 1, changed_in_flight: true, leased: true },
      { dedupe_key: `${key}-plain`, pending: true, attempts: 1, changed_in_flight: false, leased: true },
    ]);
    // The flight that read before the change lands: the computed row is due again, the plain one is done.
    const ids = (await db.query('SELECT id FROM outbox WHERE dedupe_key = ANY($1)', [keys])).rows.map((r) => r.id);
    await markDelivered(db, ids);
    expect(await state()).toEqual([
      { dedupe_key: `${key}-counters`, pending: true, attempts: 0, changed_in_flight: false, leased: false },
      { dedupe_key: `${key}-plain`, pending: false, attempts: 1, changed_in_flight: false, leased: true },
    ]);
    // The next flight, with nothing changed meanwhile, is the last.
    await markDelivered(db, ids);
    expect((await state()).map((r) => r.pending)).toEqual([false, false]);
  });

  it('enqueueFirst names the keys it recorded: the ones no earlier delivery of the trigger had', async () => {
    const key = `f-${Date.now()}`;
    const entry = (n: number, dedupeKey?: string): OutboxEntry => ({
      item: effect.setDoc(`rooms/f${n}`, { n }),
      dedupeKey,
    });
    expect(await enqueueFirst(db, [entry(1, `${key}-a`), entry(2, `${key}-b`)])).toEqual(
      new Set([`${key}-a`, `${key}-b`]),
    );
    expect(await enqueueFirst(db, [entry(3, `${key}-b`), entry(4, `${key}-c`), entry(5)])).toEqual(
      new Set([`${key}-c`]),
    );
    expect(await enqueueFirst(db, [])).toEqual(new Set());
  });

  it('reschedule keeps any error text jsonb can hold, and a payload without a retry', async () => {
    const from = await lastId();
    await enqueueMany(db, [
      { item: effect.setDoc('rooms/e1', { n: 1 }) },
      { item: effect.setDoc('rooms/e2', { n: 2 }) },
    ]);
    const [a, b] = (await stored(from)).map((r) => Number(r.id));
    const error = `${'x'.repeat(499)}😀 NUL\0 lone \ud83d end`;
    await reschedule(db, [
      { id: a!, delaySeconds: 2, error },
      { id: b!, delaySeconds: 4, error: 'e', retry: { op: 'set', path: 'rooms/e2', data: { n: 3 } } },
    ]);
    const { rows } = await db.query('SELECT id, payload, last_error FROM outbox WHERE id = ANY($1) ORDER BY id', [
      [a, b],
    ]);
    expect(rows[0].last_error).toBe(`${'x'.repeat(499)}😀`);
    expect(rows[0].payload).toEqual({ op: 'set', path: 'rooms/e1', data: { n: 1 }, merge: true });
    expect(rows[1].payload).toEqual({ op: 'set', path: 'rooms/e2', data: { n: 3 } });
    await reschedule(db, [{ id: a!, delaySeconds: 1, error: 'lone \ud83d NUL\0' }]);
    expect((await db.query('SELECT last_error FROM outbox WHERE id = $1', [a])).rows[0].last_error).toBe(
      'lone \ufffd NUL',
    );
  });
});
