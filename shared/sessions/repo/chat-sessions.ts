import type { Queryable } from '../../db/pool';
import type { Names, NewSession, SessionRow, SessionStatus, Side, Unread, WithNames } from '../types';

/**
 * Sessions that count against a mitra's capacity (SPEC §6); closing frees the place. A session in its
 * extension window (`expired`) keeps it, so a paid extension never takes the mitra past
 * max_customers_per_mitra: the place cannot have been given away meanwhile (migration 0034's index).
 */
export const CAPACITY_STATUSES: SessionStatus[] = ['pending_payment', 'active', 'expired'];
/** Sessions that make a customer ALREADY_ACTIVE (one at a time, enforced by a unique index). */
const CUSTOMER_LIVE_STATUSES: SessionStatus[] = ['pending_payment', 'active', 'expired'];
/** What the apps show as "current". */
export const CURRENT_STATUSES: SessionStatus[] = ['pending_payment', 'active', 'expired', 'closing'];

/** chat_sessions: every column, in one list; the projections below are subsets of it. */
export const COLUMNS = [
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
  'version',
  'created_at',
  'expired_at',
  'closing_at',
  'closing_reason',
  'completed_at',
  'cancelled_at',
  'cancel_reason',
  'last_seq',
  'customer_delivered_seq',
  'customer_read_seq',
  'mitra_delivered_seq',
  'mitra_read_seq',
  'customer_last_active_at',
  'mitra_last_active_at',
  'customer_goodbye',
  'customer_goodbye_at',
  'mitra_goodbye',
  'mitra_goodbye_at',
  'safety_flag',
  'safety_flagged_at',
  'safety_notice',
  'safety_notice_at',
  'customer_msg_tokens',
  'customer_msg_at',
  'mitra_msg_tokens',
  'mitra_msg_at',
  'customer_typing_at',
  'mitra_typing_at',
] as const satisfies readonly (keyof SessionRow)[];

const ALL = COLUMNS.join(', ');
const S_ALL = COLUMNS.map((c) => `s.${c}`).join(', ');

/**
 * A session with both names and each side's unread count (messages of the other side past its read
 * watermark; seq is gap-free, the (session_id, sender_type, seq) index answers it).
 */
const FULL_SELECT = `SELECT ${S_ALL}, c.display_name AS customer_name, m.display_name AS mitra_name,
   (SELECT count(*) FROM chat_messages x WHERE x.session_id = s.id AND x.sender_type = 'mitra' AND x.seq > s.customer_read_seq)::int AS customer_unread,
   (SELECT count(*) FROM chat_messages x WHERE x.session_id = s.id AND x.sender_type = 'customer' AND x.seq > s.mitra_read_seq)::int AS mitra_unread
   FROM chat_sessions s JOIN customers c ON c.id = s.customer_id JOIN mitras m ON m.id = s.mitra_id`;

/** Both sides' display names: what the push catalogue's texts are written from. */
export async function findSessionNames(q: Queryable, id: string): Promise<Names> {
  const { rows } = await q.query<Names>(
    `SELECT c.display_name AS customer_name, m.display_name AS mitra_name
     FROM chat_sessions s JOIN customers c ON c.id = s.customer_id JOIN mitras m ON m.id = s.mitra_id WHERE s.id = $1`,
    [id],
  );
  return rows[0]!;
}

/** What pairing's accept writes; the rest of the row starts at its defaults. */
const NEW: readonly (keyof NewSession)[] = [
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
];

export async function insertSession(q: Queryable, s: NewSession, now: Date): Promise<SessionRow> {
  const { rows } = await q.query<SessionRow>(
    `INSERT INTO chat_sessions (${NEW.join(', ')}, created_at, updated_at)
     VALUES (${NEW.map((_, i) => `$${i + 1}`).join(', ')}, $${NEW.length + 1}, $${NEW.length + 1}) RETURNING ${ALL}`,
    [...NEW.map((c) => s[c]), now],
  );
  return rows[0]!;
}

export async function findSession(q: Queryable, id: string, lock = false): Promise<SessionRow | undefined> {
  const { rows } = await q.query<SessionRow>(
    `SELECT ${ALL} FROM chat_sessions WHERE id = $1${lock ? ' FOR NO KEY UPDATE' : ''}`,
    [id],
  );
  return rows[0];
}

/** What the session doc's counters show, for many sessions in one statement (the coalesced write). */
export async function countersOf(q: Queryable, ids: string[]): Promise<Array<SessionRow & Unread>> {
  const { rows } = await q.query<SessionRow & Unread>(`${FULL_SELECT} WHERE s.id = ANY($1::uuid[])`, [ids]);
  return rows;
}

/** The session as every view and document shows it (names, unread counts). */
export async function findFullSession(q: Queryable, id: string): Promise<WithNames<SessionRow> | undefined> {
  const { rows } = await q.query<WithNames<SessionRow>>(`${FULL_SELECT} WHERE s.id = $1`, [id]);
  return rows[0];
}

/** Sessions that currently hold one of the mitra's places. */
export async function capacityUsed(q: Queryable, mitraId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM chat_sessions WHERE mitra_id = $1 AND status = ANY($2)',
    [mitraId, CAPACITY_STATUSES],
  );
  return rows[0]!.n;
}

export async function liveSessionOfCustomer(q: Queryable, customerId: string): Promise<SessionRow | undefined> {
  const { rows } = await q.query<SessionRow>(
    `SELECT ${ALL} FROM chat_sessions WHERE customer_id = $1 AND status = ANY($2) LIMIT 1`,
    [customerId, CUSTOMER_LIVE_STATUSES],
  );
  return rows[0];
}

export async function currentSessionsOf(q: Queryable, side: Side, userId: string) {
  const { rows } = await q.query<WithNames<SessionRow>>(
    `${FULL_SELECT} WHERE s.${side}_id = $1 AND s.status = ANY($2) ORDER BY s.created_at`,
    [userId, CURRENT_STATUSES],
  );
  return rows;
}

/** Ids of a user's sessions an operator action must end (banned customer, deactivated mitra). */
export async function liveSessionIdsOf(q: Queryable, side: Side, userId: string): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT id FROM chat_sessions WHERE ${side}_id = $1 AND status = ANY($2) ORDER BY created_at`,
    [userId, CURRENT_STATUSES],
  );
  return rows.map((r) => r.id);
}

/** The columns a transition may set (names are code constants, values parameters). */
export type SessionChange = Partial<
  Pick<
    SessionRow,
    | 'status'
    | 'started_at'
    | 'ends_at'
    | 'expired_at'
    | 'closing_at'
    | 'closing_reason'
    | 'completed_at'
    | 'cancelled_at'
    | 'cancel_reason'
    | 'topic_sensitivity'
    | 'customer_goodbye'
    | 'customer_goodbye_at'
    | 'mitra_goodbye'
    | 'mitra_goodbye_at'
  >
>;

/**
 * Every transition is this one conditional UPDATE: it moves only from one of `from` (and, for a
 * timer, only at the version the timer was scheduled for) and bumps the version when the state
 * machine moved, which makes every timer scheduled for the old version stale.
 */
export async function updateSession(
  q: Queryable,
  id: string,
  guard: { from: SessionStatus[]; version?: number },
  change: SessionChange,
  now: Date,
  bumpVersion = true,
): Promise<SessionRow | undefined> {
  const entries = Object.entries(change);
  const params: unknown[] = [id, guard.from, now, ...entries.map(([, v]) => v)];
  const sets = entries.map(([k], i) => `${k} = $${i + 4}`);
  if (bumpVersion) sets.push('version = version + 1');
  sets.push('updated_at = $3');
  let where = 'id = $1 AND status = ANY($2)';
  if (guard.version !== undefined) {
    params.push(guard.version);
    where += ` AND version = $${params.length}`;
  }
  const { rows } = await q.query<SessionRow>(
    `UPDATE chat_sessions SET ${sets.join(', ')} WHERE ${where} RETURNING ${ALL}`,
    params,
  );
  return rows[0];
}

/** Sessions the apps are still looking at, with names and unread counts (the doc's whole content). */
export async function currentSessions(q: Queryable): Promise<Array<WithNames<SessionRow>>> {
  const { rows } = await q.query<WithNames<SessionRow>>(`${FULL_SELECT} WHERE s.status = ANY($1)`, [CURRENT_STATUSES]);
  return rows;
}

/** A participant's history, newest first, keyset on (created_at, id). */
export async function sessionsPageOf(
  q: Queryable,
  side: Side,
  userId: string,
  page: { limit: number; after?: [string, string] },
): Promise<Array<WithNames<SessionRow>>> {
  const { rows } = await q.query<WithNames<SessionRow>>(
    `${FULL_SELECT} WHERE s.${side}_id = $1
       AND ($3::timestamptz IS NULL OR (s.created_at, s.id) < ($3::timestamptz, $4::uuid))
     ORDER BY s.created_at DESC, s.id DESC LIMIT $2`,
    [userId, page.limit, page.after?.[0] ?? null, page.after?.[1] ?? null],
  );
  return rows;
}
