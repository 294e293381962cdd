import type { Queryable } from '../db/pool';
import type { OfferSource } from './views';

export type RequestStatus = 'searching' | 'accepted' | 'cancelled' | 'expired';
export type NotificationStatus = 'offered' | 'accepted' | 'rejected' | 'ignored' | 'missed' | 'cancelled';

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
}

const COLUMNS =
  'id, customer_id, topic_sensitivity, is_free_trial, tier_id, duration_minutes, price_idr, target_mitra_id, status, idempotency_key, accepted_by, session_id, expires_at, created_at';

export async function insertRequest(
  q: Queryable,
  r: Omit<ChatRequestRow, 'id' | 'status' | 'accepted_by' | 'session_id' | 'created_at'>,
  now: Date,
): Promise<ChatRequestRow> {
  const { rows } = await q.query<ChatRequestRow>(
    `INSERT INTO chat_requests (customer_id, topic_sensitivity, is_free_trial, tier_id, duration_minutes, price_idr, target_mitra_id, status, idempotency_key, expires_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'searching', $8, $9, $10, $10) RETURNING ${COLUMNS}`,
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
    `SELECT ${COLUMNS} FROM chat_requests WHERE id = $1${lock ? ' FOR NO KEY UPDATE' : ''}`,
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
    `SELECT ${COLUMNS} FROM chat_requests WHERE customer_id = $1 AND idempotency_key = $2`,
    [customerId, key],
  );
  return rows[0];
}

export async function openRequestOf(q: Queryable, customerId: string): Promise<ChatRequestRow | undefined> {
  const { rows } = await q.query<ChatRequestRow>(
    `SELECT ${COLUMNS} FROM chat_requests WHERE customer_id = $1 AND status = 'searching' FOR NO KEY UPDATE`,
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

export async function insertNotifications(
  q: Queryable,
  requestId: string,
  sensitivity: string,
  offers: Array<{ id: string; active_session_count: number }>,
  now: Date,
): Promise<string[]> {
  if (offers.length === 0) return [];
  const { rows } = await q.query<{ mitra_id: string }>(
    `INSERT INTO chat_request_notifications (request_id, mitra_id, status, topic_sensitivity, active_session_count, offered_at)
     SELECT $1, u.mitra_id, 'offered', $2, u.n, $3 FROM unnest($4::uuid[], $5::int[]) AS u(mitra_id, n)
       JOIN mitras m ON m.id = u.mitra_id
     ON CONFLICT DO NOTHING RETURNING mitra_id`,
    [requestId, sensitivity, now, offers.map((o) => o.id), offers.map((o) => o.active_session_count)],
  );
  return rows.map((r) => r.mitra_id);
}

export async function findNotification(q: Queryable, requestId: string, mitraId: string, lock = false) {
  const { rows } = await q.query<{ status: NotificationStatus; offered_at: Date }>(
    `SELECT status, offered_at FROM chat_request_notifications WHERE request_id = $1 AND mitra_id = $2${lock ? ' FOR NO KEY UPDATE' : ''}`,
    [requestId, mitraId],
  );
  return rows[0];
}

/** Which notifications of a request a transition touches: one mitra's, one offer batch's, or all. */
export interface NotificationFilter {
  mitraId?: string;
  /** An offer batch: every notification written by one blast shares its `offered_at`. */
  offeredAt?: Date;
}

/** Moves notifications in `from` states to `to` (one set-based UPDATE); returns the mitras whose notification changed. */
export async function transitionNotifications(
  q: Queryable,
  requestId: string,
  from: NotificationStatus[],
  to: NotificationStatus,
  now: Date,
  reason: string | null,
  only: NotificationFilter = {},
): Promise<string[]> {
  const { rows } = await q.query<{ mitra_id: string }>(
    `UPDATE chat_request_notifications SET status = $3, reason = $4, responded_at = $5
     WHERE request_id = $1 AND status = ANY($2) AND ($6::uuid IS NULL OR mitra_id = $6::uuid)
       AND ($7::timestamptz IS NULL OR offered_at = $7::timestamptz)
     RETURNING mitra_id`,
    [requestId, from, to, reason, now, only.mitraId ?? null, only.offeredAt ?? null],
  );
  return rows.map((r) => r.mitra_id);
}

export async function mitrasWithNotificationStatus(
  q: Queryable,
  requestId: string,
  status: NotificationStatus,
): Promise<string[]> {
  const { rows } = await q.query<{ mitra_id: string }>(
    'SELECT mitra_id FROM chat_request_notifications WHERE request_id = $1 AND status = $2',
    [requestId, status],
  );
  return rows.map((r) => r.mitra_id);
}

/** How many mitras one offer batch reached (the Idempotency-Key replay answers the creation batch's count). */
export async function countOfferBatch(q: Queryable, requestId: string, offeredAt: Date): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM chat_request_notifications WHERE request_id = $1 AND offered_at = $2',
    [requestId, offeredAt],
  );
  return rows[0]!.n;
}

/** The still-'offered' notifications among a blast's mitras, locked so a redelivered blast waits for the first. */
export async function lockOfferedAmong(q: Queryable, requestId: string, mitraIds: string[]) {
  const { rows } = await q.query<{ mitra_id: string; offered_at: Date }>(
    `SELECT mitra_id, offered_at FROM chat_request_notifications
     WHERE request_id = $1 AND mitra_id = ANY($2::uuid[]) AND status = 'offered' ORDER BY mitra_id FOR NO KEY UPDATE`,
    [requestId, mitraIds],
  );
  return rows;
}

/**
 * Offers a newly online mitra every searching request it has not been offered (untargeted or targeted
 * at it) in one INSERT; returns the requests it was offered. An existing notification is left alone.
 */
export async function offerOpenRequestsTo(
  q: Queryable,
  mitra: { id: string; active_session_count: number },
  now: Date,
): Promise<string[]> {
  const { rows } = await q.query<{ request_id: string }>(
    `INSERT INTO chat_request_notifications (request_id, mitra_id, status, topic_sensitivity, active_session_count, offered_at)
     SELECT r.id, $1, 'offered', r.topic_sensitivity, $3, $2 FROM chat_requests r JOIN mitras m ON m.id = $1
     WHERE r.status = 'searching' AND r.expires_at > $2 AND (r.target_mitra_id IS NULL OR r.target_mitra_id = $1)
     ORDER BY r.created_at
     ON CONFLICT DO NOTHING RETURNING request_id`,
    [mitra.id, now, mitra.active_session_count],
  );
  return rows.map((r) => r.request_id);
}

/** A mitra's open offers (offered, or timed out while the request still searches: still acceptable). */
export async function pendingOffersOf(q: Queryable, mitraId: string, now: Date): Promise<OfferSource[]> {
  const { rows } = await q.query<OfferSource>(
    `SELECT r.id AS request_id, n.status, r.topic_sensitivity, r.is_free_trial, r.duration_minutes, r.price_idr,
            c.display_name AS customer_display_name, n.offered_at, r.expires_at
     FROM chat_request_notifications n JOIN chat_requests r ON r.id = n.request_id JOIN customers c ON c.id = r.customer_id
     WHERE n.mitra_id = $1 AND n.status IN ('offered', 'ignored') AND r.status = 'searching' AND r.expires_at > $2
     ORDER BY n.offered_at`,
    [mitraId, now],
  );
  return rows;
}
