import type { Queryable } from '../../db/pool';
import { COLUMNS, type NotificationRow, type NotificationStatus } from './chat-request-notifications';

/** The control center's reads over the notification log (SPEC §9), with the projection it reads through. */

/** What the activity log shows of each notification (the mitra is the one asked about). */
const LOG = COLUMNS.filter((c) => c !== 'mitra_id');

export interface ActivityRow {
  mitra_id: string;
  display_name: string;
  phone: string | null;
  is_active: boolean;
  offered: number;
  accepted: number;
  rejected: number;
  ignored: number;
  missed: number;
  sensitive_total: number;
  sensitive_accepted: number;
}

/**
 * Per-mitra counts over notifications offered in [from, to), one page of mitras (by name, id) at a
 * time: each mitra's slice is an index range on (mitra_id, offered_at), so a page costs its own rows only.
 */
export async function mitraActivityPage(
  q: Queryable,
  range: { from: Date; to: Date },
  page: { limit: number; after?: [string, string] },
): Promise<ActivityRow[]> {
  const { rows } = await q.query<ActivityRow>(
    `WITH page AS (
       SELECT id, display_name, phone, is_active FROM mitras
       WHERE $3::text IS NULL OR (display_name, id) > ($3::text, $4::uuid)
       ORDER BY display_name, id LIMIT $5
     )
     SELECT p.id AS mitra_id, p.display_name, p.phone, p.is_active, a.*
     FROM page p CROSS JOIN LATERAL (
       SELECT count(*)::int AS offered,
         count(*) FILTER (WHERE n.status = 'accepted')::int AS accepted,
         count(*) FILTER (WHERE n.status = 'rejected')::int AS rejected,
         count(*) FILTER (WHERE n.status = 'ignored')::int AS ignored,
         count(*) FILTER (WHERE n.status = 'missed')::int AS missed,
         count(*) FILTER (WHERE n.topic_sensitivity = 'sensitive')::int AS sensitive_total,
         count(*) FILTER (WHERE n.topic_sensitivity = 'sensitive' AND n.status = 'accepted')::int AS sensitive_accepted
       FROM chat_request_notifications n
       WHERE n.mitra_id = p.id AND n.offered_at >= $1 AND n.offered_at < $2
     ) a
     ORDER BY p.display_name, p.id`,
    [range.from, range.to, page.after?.[0] ?? null, page.after?.[1] ?? null, page.limit],
  );
  return rows;
}

export interface ActivityLogRow extends Omit<NotificationRow, 'mitra_id'> {
  request_status: string;
  is_free_trial: boolean;
  session_id: string | null;
}

/** One mitra's notifications in [from, to), newest first, keyset on (offered_at, request_id). */
export async function mitraActivityLog(
  q: Queryable,
  mitraId: string,
  filter: { from: Date; to: Date; status?: NotificationStatus },
  page: { limit: number; before?: [string, string] },
): Promise<ActivityLogRow[]> {
  const { rows } = await q.query<ActivityLogRow>(
    `SELECT ${LOG.map((c) => `n.${c}`).join(', ')},
       r.status AS request_status, r.is_free_trial,
       CASE WHEN r.accepted_by = n.mitra_id THEN r.session_id END AS session_id
     FROM chat_request_notifications n JOIN chat_requests r ON r.id = n.request_id
     WHERE n.mitra_id = $1 AND n.offered_at >= $2 AND n.offered_at < $3
       AND ($4::text IS NULL OR n.status = $4)
       AND ($5::timestamptz IS NULL OR (n.offered_at, n.request_id) < ($5::timestamptz, $6::uuid))
     ORDER BY n.offered_at DESC, n.request_id DESC LIMIT $7`,
    [
      mitraId,
      filter.from,
      filter.to,
      filter.status ?? null,
      page.before?.[0] ?? null,
      page.before?.[1] ?? null,
      page.limit,
    ],
  );
  return rows;
}
