import pg from 'pg';
import type { TestStack } from './runtime';

/**
 * Plays a concurrent transaction deterministically: `hold` runs in a transaction of its own (taking
 * row locks), then `act` starts; once `act` waits on a lock that transaction holds (pg_blocking_pids),
 * `then` runs inside it and it commits. `act`'s result (or its error) comes back with `then`'s.
 * If `act` never waits, it ran as if nothing were held, which is what the caller then sees.
 */
export async function whileHeld<T>(
  s: TestStack,
  hold: (c: pg.Client) => Promise<void>,
  act: () => Promise<T>,
  then: (c: pg.Client) => Promise<void> = async () => undefined,
): Promise<{ result?: T; error?: unknown; holderError?: unknown }> {
  const holder = new pg.Client({ connectionString: s.rt.env.DATABASE_URL });
  const watcher = new pg.Client({ connectionString: s.rt.env.DATABASE_URL });
  await holder.connect();
  await watcher.connect();
  try {
    await holder.query('BEGIN');
    await hold(holder);
    const pid = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    let settled = false;
    const running = act().then(
      (result) => ((settled = true), { result }),
      (error: unknown) => ((settled = true), { error }),
    );
    for (const deadline = Date.now() + 20_000; !settled;) {
      const { rows } = await watcher.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))',
        [pid],
      );
      if (rows[0]!.n > 0) break;
      if (Date.now() > deadline) throw new Error('whileHeld: act neither finished nor waited on the held locks');
      await new Promise((r) => setTimeout(r, 10));
    }
    let holderError: unknown;
    try {
      await then(holder);
      await holder.query('COMMIT');
    } catch (err) {
      holderError = err;
      await holder.query('ROLLBACK').catch(() => undefined);
    }
    return { ...(await running), ...(holderError === undefined ? {} : { holderError }) };
  } finally {
    await holder.end();
    await watcher.end();
  }
}
