import type { Queryable } from '../../db/pool';
import type { OfferSource } from '../views';

/**
 * An offer's outcome is the mitra's record (SPEC §6): accepted, rejected, ignored (no answer in time) or
 * missed (taken by another first). `cancelled` and `expired` are withdrawals of a still-unanswered offer.
 */
export type NotificationStatus = 'offered' | 'accepted' | 'rejected' | 'ignored' | 'missed' | 'cancelled' | 'expired';

export interface NotificationRow {
  request_id: string;
  mitra_id: string;
  status: NotificationStatus;
  reason: string | null;
  topic_sensitivity: 'regular' | 'sensitive';
  active_session_count: number;
  offered_at: Date;
  responded_at: Date | null;
}

/** chat_request_notifications: every column, in one list; the projections below are subsets of it. */
export const COLUMNS = [
  'request_id',
  'mitra_id',
  'status',
  'reason',
  'topic_sensitivity',
  'active_session_count',
  'offered_at',
  'responded_at',
] as const satisfies readonly (keyof NotificationRow)[];
type Column = (typeof COLUMNS)[number];
/** Where an accept or a reject finds the mitra's offer. */
const STATE = ['status', 'offered_at'] as const satisfies readonly Column[];
/**
 * An open offer as the mitra sees it (notification `n`, its request `r`, the customer `c`): offered, or
 * timed out while the request still searches (still acceptable).
 */
const OPEN_OFFER = `r.id AS request_id, n.status, r.topic_sensitivity, r.is_free_trial, r.duration_minutes, r.price_idr,
            c.display_name AS customer_display_name, n.offered_at, r.expires_at
     FROM chat_request_notifications n JOIN chat_requests r ON r.id = n.request_id JOIN customers c ON c.id = r.customer_id
     WHERE n.status IN ('offered', 'ignored') AND r.status = 'searching'`;

export async function findNotification(q: Queryable, requestId: string, mitraId: string, lock = false) {
  const { rows } = await q.query<Pick<NotificationRow, (typeof STATE)[number]>>(
    `SELECT ${STATE.join(', ')} FROM chat_request_notifications WHERE request_id = $1 AND mitra_id = $2${lock ? ' FOR NO KEY UPDATE' : ''}`,
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

/**
 * A deactivated mitra's open offers end, in one statement: every `offered` notification of a searching
 * request becomes `cancelled` with `reason`; an `ignored` one keeps its logged status. Returns every
 * open offer's request (both kinds: their docs close).
 */
export async function withdrawOpenNotifications(
  q: Queryable,
  mitraId: string,
  reason: string,
  now: Date,
): Promise<string[]> {
  const { rows } = await q.query<{ request_id: string }>(
    `WITH open AS (
       SELECT n.request_id, n.status FROM chat_request_notifications n
       JOIN chat_requests r ON r.id = n.request_id
       WHERE n.mitra_id = $1 AND n.status IN ('offered', 'ignored') AND r.status = 'searching'
       FOR NO KEY UPDATE OF n
     ), withdrawn AS (
       UPDATE chat_request_notifications n SET status = 'cancelled', reason = $3, responded_at = $2
       FROM open o WHERE n.mitra_id = $1 AND n.request_id = o.request_id AND o.status = 'offered'
       RETURNING n.request_id
     )
     SELECT request_id FROM open ORDER BY request_id`,
    [mitraId, now, reason],
  );
  return rows.map((r) => r.request_id);
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
  const { rows } = await q.query<Pick<NotificationRow, 'mitra_id' | 'offered_at'>>(
    `SELECT mitra_id, offered_at FROM chat_request_notifications
     WHERE request_id = $1 AND mitra_id = ANY($2::uuid[]) AND status = 'offered' ORDER BY mitra_id FOR NO KEY UPDATE`,
    [requestId, mitraIds],
  );
  return rows;
}

/** A mitra's open offers (offered, or timed out while the request still searches: still acceptable). */
export async function pendingOffersOf(q: Queryable, mitraId: string, now: Date): Promise<OfferSource[]> {
  const { rows } = await q.query<OfferSource>(
    `SELECT ${OPEN_OFFER} AND n.mitra_id = $1 AND r.expires_at > $2
     ORDER BY n.offered_at`,
    [mitraId, now],
  );
  return rows;
}

/** Every offer still open (its request searching and unexpired): the offer docs a rebuild rewrites. */
export async function openOffers(q: Queryable, now: Date): Promise<Array<OfferSource & { mitra_id: string }>> {
  const { rows } = await q.query<OfferSource & { mitra_id: string }>(
    `SELECT n.mitra_id, ${OPEN_OFFER} AND r.expires_at > $1`,
    [now],
  );
  return rows;
}

/** A page (by request id) of every request ever offered to the mitra: the offer docs under its path. */
export async function offeredRequestIdsPage(
  q: Queryable,
  mitraId: string,
  afterRequestId: string | undefined,
  limit: number,
): Promise<string[]> {
  const { rows } = await q.query<{ request_id: string }>(
    `SELECT request_id FROM chat_request_notifications WHERE mitra_id = $1 AND ($2::uuid IS NULL OR request_id > $2)
     ORDER BY request_id LIMIT $3`,
    [mitraId, afterRequestId ?? null, limit],
  );
  return rows.map((r) => r.request_id);
}
