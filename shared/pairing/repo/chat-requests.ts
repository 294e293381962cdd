import type { Queryable } from '../../db/pool';

export type RequestStatus = 'searching' | 'accepted' | 'cancelled' | 'expired';

export interface ChatRequestRow {
  id: string;
  customer_id: string;
  topic_sensitivity: 'regular' | 'sensitive';
  is_free_trial: boolean;
  tier_id: string | null;
  duration_minutes: number;
  price_idr: number;
  target_mitra_id: string | null;
  status: RequestStatus;
  idempotency_key: string | null;
  accepted_by: string | null;
  session_id: string | null;
  expires_at: Date;
  created_at: Date;
  /** How many offer waves went out (SPEC §6); a wave task for any other number does nothing. */
  wave: number;
}

/** chat_requests: every column, in one list. */
const COLUMNS = [
  'id',
  'customer_id',
  'topic_sensitivity',
  'is_free_trial',
  'tier_id',
  'duration_minutes',
  'price_idr',
  'target_mitra_id',
  'status',
  'idempotency_key',
  'accepted_by',
  'session_id',
  'expires_at',
  'created_at',
  'wave',
] as const satisfies readonly (keyof ChatRequestRow)[];
const ALL = COLUMNS.join(', ');

export async function insertRequest(
  q: Queryable,
  r: Omit<ChatRequestRow, 'id' | 'status' | 'accepted_by' | 'session_id' | 'created_at' | 'wave'>,
  now: Date,
): Promise<ChatRequestRow> {
  const { rows } = await q.query<ChatRequestRow>(
    `INSERT INTO chat_requests (customer_id, topic_sensitivity, is_free_trial, tier_id, duration_minutes, price_idr, target_mitra_id, status, idempotency_key, expires_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'searching', $8, $9, $10, $10) RETURNING ${ALL}`,
    [
      r.customer_id,
      r.topic_sensitivity,
      r.is_free_trial,
      r.tier_id,
      r.duration_minutes,
      r.price_idr,
      r.target_mitra_id,
      r.idempotency_key,
      r.expires_at,
      now,
    ],
  );
  return rows[0]!;
}

export async function findRequest(q: Queryable, id: string, lock = false): Promise<ChatRequestRow | undefined> {
  const { rows } = await q.query<ChatRequestRow>(
    `SELECT ${ALL} FROM chat_requests WHERE id = $1${lock ? ' FOR NO KEY UPDATE' : ''}`,
    [id],
  );
  return rows[0];
}

export async function findByIdempotencyKey(
  q: Queryable,
  customerId: string,
  key: string,
): Promise<ChatRequestRow | undefined> {
  const { rows } = await q.query<ChatRequestRow>(
    `SELECT ${ALL} FROM chat_requests WHERE customer_id = $1 AND idempotency_key = $2`,
    [customerId, key],
  );
  return rows[0];
}

export async function openRequestOf(q: Queryable, customerId: string): Promise<ChatRequestRow | undefined> {
  const { rows } = await q.query<ChatRequestRow>(
    `SELECT ${ALL} FROM chat_requests WHERE customer_id = $1 AND status = 'searching' FOR NO KEY UPDATE`,
    [customerId],
  );
  return rows[0];
}

export async function setRequestStatus(
  q: Queryable,
  id: string,
  status: RequestStatus,
  now: Date,
  extra: { accepted_by?: string; session_id?: string } = {},
): Promise<void> {
  await q.query(
    'UPDATE chat_requests SET status = $2, accepted_by = COALESCE($3, accepted_by), session_id = COALESCE($4, session_id), updated_at = $5 WHERE id = $1',
    [id, status, extra.accepted_by ?? null, extra.session_id ?? null, now],
  );
}

export interface LatestRequest extends Pick<
  ChatRequestRow,
  'id' | 'customer_id' | 'status' | 'expires_at' | 'session_id' | 'wave'
> {
  notified: number;
  mitra_name: string | null;
}

/**
 * Each customer's latest request since `since`: what `customers/{id}/pairing/current` shows. Not for a
 * deleted account: its documents are gone and a rebuild must not bring them back (SPEC §14).
 */
export async function latestRequests(q: Queryable, since: Date): Promise<LatestRequest[]> {
  const { rows } = await q.query<LatestRequest>(
    `SELECT DISTINCT ON (r.customer_id) r.id, r.customer_id, r.status, r.expires_at, r.session_id, r.wave,
            (SELECT count(*) FROM chat_request_notifications n WHERE n.request_id = r.id AND n.offered_at = r.created_at)::int AS notified,
            m.display_name AS mitra_name
     FROM chat_requests r LEFT JOIN mitras m ON m.id = r.accepted_by
     WHERE r.created_at >= $1 AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = r.customer_id AND c.erased_at IS NOT NULL)
     ORDER BY r.customer_id, r.created_at DESC`,
    [since],
  );
  return rows;
}

export async function setWave(q: Queryable, id: string, wave: number, now: Date): Promise<void> {
  await q.query('UPDATE chat_requests SET wave = $2, updated_at = $3 WHERE id = $1', [id, wave, now]);
}

/** The searching requests, oldest first: whose queue position moves when one leaves the queue. */
export async function searchingRequestIds(q: Queryable): Promise<Array<Pick<ChatRequestRow, 'id' | 'customer_id'>>> {
  const { rows } = await q.query<Pick<ChatRequestRow, 'id' | 'customer_id'>>(
    "SELECT id, customer_id FROM chat_requests WHERE status = 'searching' ORDER BY created_at, id",
  );
  return rows;
}

export interface QueueStatusRow {
  id: string;
  wave: number;
  notified: number;
  position: number;
  median_wait: number | null;
}

/**
 * The queue status (SPEC §6) of those of `ids` still searching, in one statement: mitras offered so far,
 * the wave, the position among searching requests (1 = oldest) and the median seconds from asking to an
 * accept over the hour before `now` (null without one).
 */
export async function queueStatusOf(q: Queryable, ids: string[], now: Date): Promise<QueueStatusRow[]> {
  const { rows } = await q.query<QueueStatusRow>(
    `WITH queue AS (
       SELECT id, wave, row_number() OVER (ORDER BY created_at, id)::int AS position
       FROM chat_requests WHERE status = 'searching'
     ), recent AS (
       SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM updated_at - created_at)) AS median_wait
       FROM chat_requests WHERE status = 'accepted' AND updated_at > $2::timestamptz - interval '1 hour' AND updated_at <= $2
     )
     SELECT q.id, q.wave, q.position, recent.median_wait,
       (SELECT count(*) FROM chat_request_notifications n WHERE n.request_id = q.id)::int AS notified
     FROM queue q CROSS JOIN recent WHERE q.id = ANY($1::uuid[])`,
    [ids, now],
  );
  return rows;
}
