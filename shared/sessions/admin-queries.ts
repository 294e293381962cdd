import type { Queryable } from '../db/pool';
import { CAPACITY_STATUSES, CUSTOMER_LIVE_STATUSES, type SessionStatus } from './repo';
import type { SessionRow } from './types';

/** The control center's reads over sessions and what hangs off them (SPEC §9); the sessions feature owns these tables. */

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

/** The columns the control center reads (not the receipts, activity or version the state machine uses). */
const ADMIN_COLUMNS = [
  'id',
  'request_id',
  'customer_id',
  'mitra_id',
  'status',
  'topic_sensitivity',
  'is_free_trial',
  'tier_id',
  'duration_minutes',
  'price_idr',
  'started_at',
  'ends_at',
  'expired_at',
  'closing_at',
  'closing_reason',
  'completed_at',
  'cancelled_at',
  'cancel_reason',
  'last_seq',
  'customer_goodbye',
  'mitra_goodbye',
  'created_at',
] as const satisfies readonly (keyof SessionRow)[];

export type AdminSessionRow = Pick<SessionRow, (typeof ADMIN_COLUMNS)[number]>;

const COLUMNS = ADMIN_COLUMNS.join(', ');

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
export async function listSessions(
  q: Queryable,
  f: SessionFilter,
  page: { limit: number; before?: [string, string] },
): Promise<AdminSessionRow[]> {
  const { rows } = await q.query<AdminSessionRow>(
    `SELECT ${COLUMNS} FROM chat_sessions
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
  const { rows } = await q.query<AdminSessionRow>(`SELECT ${COLUMNS} FROM chat_sessions WHERE id = $1`, [id]);
  return rows[0];
}

/** The parts of a session's detail page, read together (each an indexed lookup by session id). */
export async function sessionParts(q: Queryable, sessionId: string) {
  const [extensions, rating, timeline] = await Promise.all([
    q.query<{
      id: string;
      tier_id: string;
      duration_minutes: number;
      price_idr: number;
      status: string;
      topic_sensitivity: 'regular' | 'sensitive';
      respond_by: Date;
      responded_at: Date | null;
      applied_at: Date | null;
      created_at: Date;
    }>(
      `SELECT id, tier_id, duration_minutes, price_idr, status, topic_sensitivity, respond_by, responded_at, applied_at, created_at
       FROM session_extensions WHERE session_id = $1 ORDER BY created_at, id`,
      [sessionId],
    ),
    q.query<{ stars: number; comment: string | null; created_at: Date }>(
      'SELECT stars, comment, created_at FROM session_ratings WHERE session_id = $1',
      [sessionId],
    ),
    q.query<{
      id: number;
      mitra_id: string;
      from_sensitivity: 'regular' | 'sensitive';
      to_sensitivity: 'regular' | 'sensitive';
      created_at: Date;
    }>(
      `SELECT id, mitra_id, from_sensitivity, to_sensitivity, created_at FROM session_sensitivity_log
       WHERE session_id = $1 ORDER BY created_at, id`,
      [sessionId],
    ),
  ]);
  return { extensions: extensions.rows, rating: rating.rows[0], timeline: timeline.rows };
}

export interface TranscriptRow {
  seq: number;
  sender_type: 'customer' | 'mitra';
  sender_id: string;
  body: string;
  created_at: Date;
}

/** Messages after `afterSeq`, ascending. */
export async function transcriptPage(q: Queryable, sessionId: string, afterSeq: number, limit: number) {
  const { rows } = await q.query<TranscriptRow>(
    `SELECT seq, sender_type, sender_id, body, created_at FROM chat_messages
     WHERE session_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [sessionId, afterSeq, limit],
  );
  return rows;
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

/** The customer's live session, if any (at most one: a unique index). */
export async function liveSessionOfCustomer(q: Queryable, customerId: string): Promise<string | undefined> {
  const { rows } = await q.query<{ id: string }>(
    'SELECT id FROM chat_sessions WHERE customer_id = $1 AND status = ANY($2)',
    [customerId, CUSTOMER_LIVE_STATUSES],
  );
  return rows[0]?.id;
}
