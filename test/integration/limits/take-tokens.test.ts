import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, type Db } from '../../../shared/db/pool';
import { takeTokens, type Bucket } from '../../../shared/limits';
import { createTestDatabase } from '../../helpers/db';

// The one limiter (SPEC §13) is a Postgres function: these drive it directly, many connections at once.
let db: Db;
beforeAll(async () => {
  db = createPool(await createTestDatabase(), 40);
});
afterAll(() => db.end());

let n = 0;
const key = (name: string) => `${name}:${++n}`;
const bucket = (k: string, capacity: number, perSecond: number): Bucket => ({
  key: k,
  capacity,
  refillPerSecond: perSecond,
});
const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);
const tokensOf = async (k: string) =>
  (await db.query<{ tokens: number }>('SELECT tokens FROM rate_limits WHERE key = $1', [k])).rows[0]?.tokens;

describe('take_tokens', () => {
  it('gives a new key its capacity, then refuses with the seconds until the next token', async () => {
    const b = bucket(key('a'), 3, 1 / 60);
    const t0 = new Date('2030-01-01T00:00:00Z');
    for (let i = 0; i < 3; i++) expect(await takeTokens(db, [b], t0)).toBe(0);
    expect(await takeTokens(db, [b], t0)).toBeCloseTo(60, 6);
    expect(await takeTokens(db, [b], at(t0, 45))).toBeCloseTo(15, 6);
    expect(await takeTokens(db, [b], at(t0, 60))).toBe(0);
  });

  it('a refused attempt takes nothing, and a bucket never fills past its capacity', async () => {
    const b = bucket(key('b'), 2, 1);
    const t0 = new Date('2030-01-01T00:00:00Z');
    await takeTokens(db, [b], t0);
    await takeTokens(db, [b], t0);
    for (let i = 0; i < 5; i++) expect(await takeTokens(db, [b], at(t0, 0.5))).toBeCloseTo(0.5, 6);
    expect(await tokensOf(b.key)).toBe(0);
    expect(await takeTokens(db, [b], at(t0, 1000))).toBe(0);
    expect(await tokensOf(b.key)).toBeCloseTo(1, 6);
  });

  it('takes from every bucket or from none, and answers the longest wait', async () => {
    const roomy = bucket(key('roomy'), 10, 1);
    const tight = bucket(key('tight'), 1, 0.1);
    const t0 = new Date('2030-01-01T00:00:00Z');
    expect(await takeTokens(db, [roomy, tight], t0)).toBe(0);
    expect(await takeTokens(db, [roomy, tight], t0)).toBeCloseTo(10, 6);
    expect(await tokensOf(roomy.key)).toBeCloseTo(9, 6);
  });

  it('holds under a burst of 300 parallel callers on a key nobody has used: exactly the capacity passes', async () => {
    const b = bucket(key('burst'), 20, 20 / 3600);
    const t0 = new Date('2030-01-01T00:00:00Z');
    const waits = await Promise.all(Array.from({ length: 300 }, () => takeTokens(db, [b], t0)));
    expect(waits.filter((w) => w === 0)).toHaveLength(20);
    expect(Math.min(...waits.filter((w) => w > 0))).toBeCloseTo(180, 6);
  });

  it('never deadlocks when callers name shared keys in different orders', async () => {
    const keys = [key('x'), key('y'), key('z')];
    const t0 = new Date('2030-01-01T00:00:00Z');
    const orders = [
      [0, 1],
      [1, 0],
      [2, 1],
      [1, 2],
      [0, 2],
      [2, 0],
    ];
    const waits = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        takeTokens(
          db,
          orders[i % orders.length]!.map((j) => bucket(keys[j]!, 1000, 1)),
          t0,
        ),
      ),
    );
    expect(waits.every((w) => w === 0)).toBe(true);
    // Each key named by two thirds of the callers.
    for (const k of keys) expect(await tokensOf(k)).toBeCloseTo(1000 - 80, 6);
  });

  it('forgets buckets that are full again, never the caller’s own', async () => {
    const t0 = new Date('2030-01-01T00:00:00Z');
    const old = Array.from({ length: 6 }, () => bucket(key('old'), 5, 1));
    for (const b of old) await takeTokens(db, [b], t0);
    const mine = bucket(key('mine'), 5, 1);
    await takeTokens(db, [mine], t0);
    // Ten seconds later every bucket above is full: each call removes up to its key count + 2 of them
    // (oldest first; earlier tests' buckets are in the table too).
    const before = Number((await db.query('SELECT count(*) FROM rate_limits')).rows[0].count);
    for (let i = 0; i < 10; i++) await takeTokens(db, [mine], at(t0, 10 + i / 100));
    const left = await db.query('SELECT key FROM rate_limits WHERE key = ANY($1)', [old.map((b) => b.key)]);
    expect(left.rowCount).toBe(0);
    expect(Number((await db.query('SELECT count(*) FROM rate_limits')).rows[0].count)).toBeLessThan(before - 6);
    expect(await tokensOf(mine.key)).toBeGreaterThan(0);
  });

  it('refuses malformed calls rather than guessing', async () => {
    const t0 = new Date('2030-01-01T00:00:00Z');
    await expect(takeTokens(db, [], t0)).rejects.toThrow(/non-empty/);
    const k = key('dup');
    await expect(takeTokens(db, [bucket(k, 1, 1), bucket(k, 1, 1)], t0)).rejects.toThrow(/distinct/);
    await expect(takeTokens(db, [bucket(key('zero'), 0, 1)], t0)).rejects.toThrow(/capacity/);
  });
});
