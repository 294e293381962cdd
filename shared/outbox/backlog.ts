import type { Queryable } from '../db/pool';
import { MAX_OUTBOX_ATTEMPTS } from './relay-outcomes';

/** The oldest undelivered row's age: the backlog the monitoring alert watches. */
export async function backlogAgeSeconds(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ age: number }>(
    `SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float AS age
     FROM outbox WHERE delivered_at IS NULL AND attempts < $1`,
    [MAX_OUTBOX_ATTEMPTS],
  );
  return rows[0]?.age ?? 0;
}

/** Dead letters: rows that used every attempt without landing. */
export async function deadLetters(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM outbox WHERE delivered_at IS NULL AND attempts >= $1',
    [MAX_OUTBOX_ATTEMPTS],
  );
  return rows[0]?.n ?? 0;
}
