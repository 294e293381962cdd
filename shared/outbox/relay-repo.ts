import type { Queryable } from '../db/pool';
import type { OutboxItem } from './effects';

export interface OutboxRow {
  id: number;
  kind: OutboxItem['kind'];
  payload: Record<string, unknown>;
  attempts: number;
  /** Rows with one key are written in id order, never two batches at once (a session's messages share one). */
  ordering_key: string | null;
}

/**
 * Claims up to `limit` due rows under a lease, skipping rows another relay holds. Order per ordering key
 * (a document's path; one key for all messages of a session) across batches and instances: a realtime
 * write is handed out only when no older write with its key is undelivered — except one scheduled for
 * later and never tried (a coalesced counter write: it reads Postgres when it lands, so a later write may
 * pass it). "Now" is the later of the database's and the caller's clock (the local stack moves its clock
 * ahead; production's clocks agree). The ids come back as an array, so the update finds its rows by
 * primary key rather than by a hash join over the whole table; the pending rows are found through
 * outbox_pending_id_idx, past no delivered row. Under a key that several documents share (a session's
 * messages: migration 0026; never one document's own writes), the rows due right behind a claimed one
 * (`followers`) go in the same batch: its Firestore writes land in id order (one
 * commit, or commits in order, each key's rows one after another when a commit fails), so a session's
 * burst takes one relay cycle, not one per message. Nobody else can hold them: they are nobody's head
 * while the claimed one is undelivered.
 */
export function claimSql(limit: number, leaseSeconds: number, maxAttempts: number, now: Date): string {
  for (const n of [limit, leaseSeconds, maxAttempts])
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`claim: ${n} is not a count`);
  const at = `GREATEST(now(), '${now.toISOString()}'::timestamptz)`;
  const lease = `available_at = ${at} + make_interval(secs => ${leaseSeconds}), changed_in_flight = false`;
  const due = (r: string) =>
    `${r}.delivered_at IS NULL AND ${r}.available_at <= ${at} AND ${r}.attempts < ${maxAttempts}`;
  return `WITH heads AS (
     UPDATE outbox SET ${lease}, attempts = attempts + 1
     WHERE id = ANY(ARRAY(SELECT o.id FROM outbox o
                  WHERE ${due('o')}
                    AND (o.ordering_key IS NULL OR NOT EXISTS (
                      SELECT 1 FROM outbox p WHERE p.ordering_key = o.ordering_key AND p.id < o.id
                        AND p.delivered_at IS NULL AND p.attempts < ${maxAttempts}
                        AND NOT (p.attempts = 0 AND p.available_at > ${at})))
                  ORDER BY o.id LIMIT ${limit} FOR UPDATE SKIP LOCKED))
     RETURNING id, kind, payload, attempts, ordering_key),
   followers AS (
     UPDATE outbox SET ${lease}, attempts = attempts + 1
     WHERE id = ANY(ARRAY(SELECT f.id FROM heads h JOIN outbox f ON f.ordering_key = h.ordering_key AND f.id > h.id
                  WHERE h.ordering_key <> h.payload->>'path' AND ${due('f')}
                    AND NOT EXISTS (
                      SELECT 1 FROM outbox q WHERE q.ordering_key = h.ordering_key AND q.id > h.id AND q.id < f.id
                        AND q.delivered_at IS NULL AND q.attempts < ${maxAttempts} AND q.available_at > ${at})))
     RETURNING id, kind, payload, attempts, ordering_key)
   SELECT * FROM heads UNION ALL SELECT * FROM followers`;
}

/**
 * The claim must walk the pending rows in id order and stop at `limit`. When the statistics say few rows
 * are pending (between analyses, exactly when a burst has just queued thousands) the planner instead
 * fetches every pending row, filters and sorts them all, then takes `limit`: each claim costs time in
 * proportion to the backlog (20-60 ms a claim with 20,000 queued, most of Postgres' CPU in a burst).
 */
export const CLAIM_PLANNER_SETTINGS = 'SET LOCAL enable_sort = off; SET LOCAL enable_bitmapscan = off';

/**
 * The settings and the claim go as ONE simple query, which Postgres runs as one implicit transaction
 * (`SET LOCAL` holds for the claim, and ends with it): a batch's claim is one round trip, not the four of
 * BEGIN, SET, UPDATE, COMMIT. A simple query takes no parameters, hence the values written in (counts
 * checked, a timestamp from a Date: nothing from outside).
 */
export async function claimBatch(
  db: Queryable,
  limit: number,
  leaseSeconds: number,
  maxAttempts: number,
  now: Date = new Date(0),
) {
  const results = (await db.query(
    `${CLAIM_PLANNER_SETTINGS}; ${claimSql(limit, leaseSeconds, maxAttempts, now)}`,
  )) as unknown as Array<{ rows: OutboxRow[] }>;
  return results[results.length - 1]!.rows.sort((a, b) => a.id - b.id);
}

/** A row changed while in flight (a computed document: enqueue.ts) goes back in the queue, due now. */
export async function markDelivered(db: Queryable, ids: number[]): Promise<void> {
  await db.query(
    `UPDATE outbox SET delivered_at = CASE WHEN changed_in_flight THEN NULL ELSE now() END, last_error = NULL,
       attempts = CASE WHEN changed_in_flight THEN 0 ELSE attempts END,
       available_at = CASE WHEN changed_in_flight THEN now() ELSE available_at END, changed_in_flight = false
     WHERE id = ANY($1)`,
    [ids],
  );
}

/** Failed rows back in the queue after their backoff, in one statement; `retry` replaces a row's payload. */
export async function reschedule(
  db: Queryable,
  failed: Array<{ id: number; delaySeconds: number; error: string; retry?: Record<string, unknown> }>,
): Promise<void> {
  await db.query(
    `UPDATE outbox o SET available_at = now() + make_interval(secs => (f.r->>'delay')::float8), last_error = f.r->>'error',
       payload = COALESCE(NULLIF(f.r->'retry', 'null'::jsonb), o.payload)
     FROM jsonb_array_elements($1::jsonb) AS f(r) WHERE o.id = (f.r->>'id')::bigint`,
    [
      JSON.stringify(
        // jsonb takes no NUL and no lone surrogate (cut by code points, so no pair is split); no retry keeps the payload.
        failed.map((f) => ({
          id: f.id,
          delay: f.delaySeconds,
          error: [...f.error.replace(/\0/g, '').replace(/[\ud800-\udfff]/gu, '\ufffd')].slice(0, 500).join(''),
          retry: f.retry,
        })),
      ),
    ],
  );
}
