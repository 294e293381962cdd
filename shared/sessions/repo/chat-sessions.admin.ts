import type { Queryable } from '../../db/pool';
import type { SessionRow, SessionStatus, Side } from '../types';
import { CAPACITY_STATUSES, COLUMNS } from './chat-sessions';

/** The control center's reads over chat_sessions (SPEC §9), with the projection it reads through. */

/** What the control center reads (not the receipts, activity or version the state machine uses). */
const ADMIN = COLUMNS.filter(
  (c) => !/_(delivered|read)_seq$|_last_active_at$|^version$/.test(c),
) as readonly AdminColumn[];
type AdminColumn = Exclude<
  (typeof COLUMNS)[number],
  `${Side}_${'delivered' | 'read'}_seq` | `${Side}_last_active_at` | 'version'
>;
export type AdminSessionRow = Pick<SessionRow, AdminColumn>;
const ADMIN_LIST = ADMIN.join(', ');

/**
 * Dashboard fragment (a one-row CTE body): sessions by state, today's sessions ([dayStart, dayEnd)),
 * and "Sesi Sensitif": sessions whose topic is sensitive now, all time and since `since`.
 */
export function sessionFiguresSql(p: { dayStart: string; dayEnd: string; since: string }): string {
  return `SELECT
      count(*) FILTER (WHERE status = 'pending_payment')::int AS pending_payment,
      count(*) FILTER (WHERE status = 'active')::int AS active,
      count(*) FILTER (WHERE status = 'expired')::int AS expired,
      count(*) FILTER (WHERE status = 'closing')::int AS closing,
      count(*) FILTER (WHERE status = 'completed')::int AS completed,
      count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled,
      count(*) FILTER (WHERE created_at >= ${p.dayStart} AND created_at < ${p.dayEnd})::int AS today_sessions,
      count(*) FILTER (WHERE topic_sensitivity = 'sensitive')::int AS sensitive_total,
      count(*) FILTER (WHERE created_at >= ${p.since})::int AS sessions_30d,
      count(*) FILTER (WHERE created_at >= ${p.since} AND topic_sensitivity = 'sensitive')::int AS sensitive_30d
    FROM chat_sessions`;
}

export interface SessionFilter {
  status?: SessionStatus;
  topic_sensitivity?: 'regular' | 'sensitive';
  /** created_at in [from, to) */
  from?: Date;
  to?: Date;
  customer_id?: string;
  mitra_id?: string;
}

/** Newest first, keyset on (created_at, id); every filter is optional and they combine. */
export async function listSessionsForAdmin(
  q: Queryable,
  f: SessionFilter,
  page: { limit: number; before?: [string, string] },
): Promise<AdminSessionRow[]> {
  const { rows } = await q.query<AdminSessionRow>(
    `SELECT ${ADMIN_LIST} FROM chat_sessions
     WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR topic_sensitivity = $2)
       AND ($3::timestamptz IS NULL OR created_at >= $3) AND ($4::timestamptz IS NULL OR created_at < $4)
       AND ($5::uuid IS NULL OR customer_id = $5) AND ($6::uuid IS NULL OR mitra_id = $6)
       AND ($7::timestamptz IS NULL OR (created_at, id) < ($7::timestamptz, $8::uuid))
     ORDER BY created_at DESC, id DESC LIMIT $9`,
    [
      f.status ?? null,
      f.topic_sensitivity ?? null,
      f.from ?? null,
      f.to ?? null,
      f.customer_id ?? null,
      f.mitra_id ?? null,
      page.before?.[0] ?? null,
      page.before?.[1] ?? null,
      page.limit,
    ],
  );
  return rows;
}

export async function adminSession(q: Queryable, id: string): Promise<AdminSessionRow | undefined> {
  const { rows } = await q.query<AdminSessionRow>(`SELECT ${ADMIN_LIST} FROM chat_sessions WHERE id = $1`, [id]);
  return rows[0];
}

/** Live sessions per mitra (those holding one of its places). */
export async function liveSessionCounts(q: Queryable, mitraIds: string[]): Promise<Map<string, number>> {
  if (mitraIds.length === 0) return new Map();
  const { rows } = await q.query<{ mitra_id: string; n: number }>(
    `SELECT mitra_id, count(*)::int AS n FROM chat_sessions WHERE mitra_id = ANY($1::uuid[]) AND status = ANY($2)
     GROUP BY mitra_id`,
    [mitraIds, CAPACITY_STATUSES],
  );
  return new Map(rows.map((r) => [r.mitra_id, r.n]));
}
