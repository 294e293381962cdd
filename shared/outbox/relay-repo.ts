import type { Queryable } from '../db/pool';
import type { OutboxItem } from './outbox';

export interface OutboxRow {
  id: number;
  kind: OutboxItem['kind'];
  payload: Record<string, unknown>;
  attempts: number;
}

/**
 * Claims up to `limit` due rows under a lease, skipping rows another relay holds. Per-document order
 * across instances: a realtime write is handed out only when no older write to its path is undelivered.
 * The ids come back as an array, so the update finds its rows by primary key rather than by a hash join
 * over the whole table; the pending rows are found through outbox_pending_id_idx, past no delivered row.
 */
export async function claimBatch(db: Queryable, limit: number, leaseSeconds: number, maxAttempts: number) {
  const { rows } = await db.query<OutboxRow>(
    `UPDATE outbox SET available_at = now() + make_interval(secs => $2), attempts = attempts + 1
     WHERE id = ANY(ARRAY(SELECT o.id FROM outbox o
                  WHERE o.delivered_at IS NULL AND o.available_at <= now() AND o.attempts < $3
                    AND (o.ordering_key IS NULL OR NOT EXISTS (
                      SELECT 1 FROM outbox p WHERE p.ordering_key = o.ordering_key AND p.id < o.id
                        AND p.delivered_at IS NULL AND p.attempts < $3))
                  ORDER BY o.id LIMIT $1 FOR UPDATE SKIP LOCKED))
     RETURNING id, kind, payload, attempts`,
    [limit, leaseSeconds, maxAttempts],
  );
  return rows.sort((a, b) => a.id - b.id);
}

export async function markDelivered(db: Queryable, ids: number[]): Promise<void> {
  await db.query('UPDATE outbox SET delivered_at = now(), last_error = NULL WHERE id = ANY($1)', [ids]);
}

/** Failed rows back in the queue after their backoff, in one statement. */
export async function reschedule(
  db: Queryable,
  failed: Array<{ id: number; delaySeconds: number; error: string }>,
): Promise<void> {
  await db.query(
    `UPDATE outbox o SET available_at = now() + make_interval(secs => f.delay), last_error = f.error
     FROM unnest($1::bigint[], $2::int[], $3::text[]) AS f(id, delay, error) WHERE o.id = f.id`,
    [failed.map((f) => f.id), failed.map((f) => f.delaySeconds), failed.map((f) => f.error.slice(0, 500))],
  );
}
