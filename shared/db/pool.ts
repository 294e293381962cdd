import pg from 'pg';

export type Db = pg.Pool;
/** Anything that runs a statement: the pool, a client, a transaction that records effects. */
export type Queryable = Pick<pg.PoolClient, 'query'>;

// Timestamps come back as Date, bigint counters as numbers (they stay far below 2^53 here).
pg.types.setTypeParser(20, (v) => Number(v));

export function createPool(connectionString: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString, max, idleTimeoutMillis: 10_000 });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Nothing to do per request.
  });
  return pool;
}
