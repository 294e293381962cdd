import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimBatch } from '../../shared/outbox/relay-repo';
import { createTestDatabase } from '../helpers/db';

// The relay's claim must not grow with the rows already delivered (they stay in the table): with
// 20,000 of them and 2,000 pending, the plan reaches the pending rows through the partial index and
// updates by primary key, and a claim still returns the oldest due rows.
let db: pg.Client;
beforeAll(async () => {
  db = new pg.Client({ connectionString: await createTestDatabase() });
  await db.connect();
  const rows = (from: number, n: number) =>
    `INSERT INTO outbox (kind, payload) SELECT 'realtime',
       jsonb_build_object('op', 'set', 'path', 'mitras/m' || (i % 50) || '/offers/r' || i, 'data', '{}'::jsonb)
     FROM generate_series(${from}, ${from + n - 1}) i`;
  await db.query(rows(1, 20_000));
  await db.query('UPDATE outbox SET delivered_at = now()');
  await db.query(rows(20_001, 2_000));
  await db.query('ANALYZE outbox');
});
afterAll(() => db.end());

/** The claim's statement as the relay sends it, explained (not run). */
async function claimPlan(): Promise<string> {
  let sql = '';
  await claimBatch(
    {
      query: async (text: string) => {
        sql = text;
        return { rows: [], rowCount: 0 } as never;
      },
    } as never,
    200,
    30,
    10,
  );
  const { rows } = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, [200, 30, 10]);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

describe('the relay claim', () => {
  it('reaches pending rows through the partial index and never scans the whole outbox', async () => {
    const plan = await claimPlan();
    expect(plan).toContain('outbox_pending_id_idx');
    expect(plan).not.toMatch(/Seq Scan on outbox/);
  });

  it('still claims the oldest due rows, in id order', async () => {
    const claimed = await claimBatch(db as never, 200, 30, 10);
    expect(claimed).toHaveLength(200);
    expect(claimed.map((r) => Number(r.id))).toEqual(Array.from({ length: 200 }, (_, i) => 20_001 + i));
  });

  it('leases its rows in place: every claimed row is a heap-only update, adding nothing to any index', async () => {
    const updates = async () => {
      await db.query('SELECT pg_stat_force_next_flush()');
      await db.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await db.query<{ upd: string; hot: string }>(
        `SELECT n_tup_upd AS upd, n_tup_hot_upd AS hot FROM pg_stat_user_tables WHERE relname = 'outbox'`,
      );
      return { all: Number(rows[0]!.upd), hot: Number(rows[0]!.hot) };
    };
    const before = await updates();
    expect(await claimBatch(db as never, 200, 30, 10)).toHaveLength(200);
    const after = await updates();
    expect(after.all - before.all).toBe(200);
    expect(after.hot - before.hot).toBe(200);
  });
});
