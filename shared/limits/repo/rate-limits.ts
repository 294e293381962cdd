import type { Queryable } from '../../db/pool';

/** One token bucket: `capacity` tokens at most, refilled continuously at `refillPerSecond`. */
export interface Bucket {
  key: string;
  capacity: number;
  refillPerSecond: number;
}

/**
 * rate_limits is written only by take_tokens (migration 0018), in one statement: one token from every
 * bucket or from none. Answers 0 when taken, else the seconds until all of them hold a token again.
 */
export async function takeTokens(q: Queryable, buckets: readonly Bucket[], now: Date): Promise<number> {
  const { rows } = await q.query<{ wait: number }>(
    'SELECT take_tokens($1::text[], $2::float8[], $3::float8[], $4) AS wait',
    [buckets.map((b) => b.key), buckets.map((b) => b.capacity), buckets.map((b) => b.refillPerSecond), now],
  );
  return rows[0]!.wait;
}
