import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAIM_PLANNER_SETTINGS, claimBatch, claimSql } from '../../shared/outbox/relay-repo';
import { createTestDatabase } from '../helpers/db';

// The relay's claim must grow neither with the rows already delivered (they stay in the table) nor with
// the backlog: with 20,000 delivered and 20,000 queued, and statistics that know none of it (not yet
// analysed, as in a burst; left alone by autovacuum for the test), the plan walks the pending rows in id
// order through the partial index, stops at the batch, and updates by primary key (without the claim's
// planner settings it fetched and sorted all 20,000); a claim still returns the oldest due rows.
let db: pg.Pool;
beforeAll(async () => {
  // One connection: the statistics read back are the same backend's, flushed on demand.
  db = new pg.Pool({ connectionString: await createTestDatabase(), max: 1 });
  const rows = (from: number, n: number) =>
    `INSERT INTO outbox (kind, payload) SELECT 'realtime',
       jsonb_build_object('op', 'set', 'path', 'mitras/m' || (i % 50) || '/offers/r' || i, 'data', '{}'::jsonb)
     FROM generate_series(${from}, ${from + n - 1}) i`;
  await db.query('ALTER TABLE outbox SET (autovacuum_enabled = false)');
  await db.query(rows(1, 20_000));
  await db.query('UPDATE outbox SET delivered_at = now()');
  await db.query(rows(20_001, 20_000));
});
afterAll(() => db.end());

/**
 * The plan of the claim as claimBatch sends it (its planner settings and the statement in one simple query),
 * explained and run in a transaction rolled back, so no row is leased.
 */
async function claimPlan(): Promise<string> {
  const results = (await db.query(
    `BEGIN; ${CLAIM_PLANNER_SETTINGS}; EXPLAIN ANALYZE ${claimSql(200, 30, 10, new Date(0))}; ROLLBACK`,
  )) as unknown as pg.QueryResult[];
  return results[3]!.rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
}

describe('the relay claim', () => {
  it('walks the pending rows in order through the partial index and stops at the batch', async () => {
    const plan = await claimPlan();
    expect(plan).toMatch(/Index Scan using outbox_pending_id_idx on outbox o .*actual time=[\d.]+ rows=200 loops=1/);
    expect(plan).not.toMatch(/Seq Scan|Sort|Bitmap/);
  });

  it('holds its planner settings for the claim alone: one simple query is one implicit transaction', async () => {
    const results = (await db.query(
      `${CLAIM_PLANNER_SETTINGS}; SELECT current_setting('enable_sort') AS sort, current_setting('enable_bitmapscan') AS bitmap`,
    )) as unknown as pg.QueryResult[];
    expect(results.at(-1)!.rows).toEqual([{ sort: 'off', bitmap: 'off' }]);
    expect((await db.query(`SELECT current_setting('enable_sort') AS sort`)).rows).toEqual([{ sort: 'on' }]);
  });

  it('refuses a value that is not a count, since it is written into the statement', () => {
    for (const bad of [-1, 1.5, Number.NaN]) expect(() => claimSql(bad, 30, 10, new Date(0))).toThrow('is not a count');
  });

  it('still claims the oldest due rows, in id order', async () => {
    const claimed = await claimBatch(db, 200, 30, 10);
    expect(claimed).toHaveLength(200);
    expect(claimed.map((r) => Number(r.id))).toEqual(Array.from({ length: 200 }, (_, i) => 20_001 + i));
  });
});

// Its own database: a claim that follows others on the same page needs their dead versions pruned first,
// which Postgres does only when it can take the page at once (a background writer's pin defers it); on
// pages no claim has touched, a lease fits beside the row it replaces, whatever else is running.
describe('the relay lease', () => {
  it('leases its rows in place: every claimed row is a heap-only update, adding nothing to any index', async () => {
    const fresh = new pg.Pool({ connectionString: await createTestDatabase(), max: 1 });
    try {
      await fresh.query(
        `INSERT INTO outbox (kind, payload) SELECT 'realtime', jsonb_build_object('op', 'set', 'path',
           'mitras/m' || (i % 50) || '/offers/r' || i, 'data', '{}'::jsonb) FROM generate_series(1, 1000) i`,
      );
      const updates = async () => {
        await fresh.query('SELECT pg_stat_force_next_flush()');
        await fresh.query('SELECT pg_stat_clear_snapshot()');
        const { rows } = await fresh.query<{ upd: string; hot: string }>(
          `SELECT n_tup_upd AS upd, n_tup_hot_upd AS hot FROM pg_stat_user_tables WHERE relname = 'outbox'`,
        );
        return { all: Number(rows[0]!.upd), hot: Number(rows[0]!.hot) };
      };
      const before = await updates();
      expect(await claimBatch(fresh, 200, 30, 10)).toHaveLength(200);
      const after = await updates();
      expect(after.all - before.all).toBe(200);
      expect(after.hot - before.hot).toBe(200);
    } finally {
      await fresh.end();
    }
  });
});
