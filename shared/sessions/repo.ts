import type { Queryable } from '../db/pool';

export type SessionStatus = 'pending_payment' | 'active' | 'expired' | 'closing' | 'completed' | 'cancelled';
/** Sessions that count against a mitra's capacity (SPEC §6). */
export const CAPACITY_STATUSES: SessionStatus[] = ['pending_payment', 'active'];
/** Sessions that make a customer ALREADY_ACTIVE (one at a time, enforced by a unique index). */
export const CUSTOMER_LIVE_STATUSES: SessionStatus[] = ['pending_payment', 'active', 'expired'];
/** What the apps show as "current". */
export const CURRENT_STATUSES: SessionStatus[] = ['pending_payment', 'active', 'expired', 'closing'];

export interface SessionRow {
  id: string;
  request_id: string;
  customer_id: string;
  mitra_id: string;
  status: SessionStatus;
  topic_sensitivity: 'regular' | 'sensitive';
  is_free_trial: boolean;
  tier_id: string | null;
  duration_minutes: number;
  price_idr: number;
  started_at: Date | null;
  ends_at: Date | null;
  version: number;
  created_at: Date;
}

const COLUMNS =
  'id, request_id, customer_id, mitra_id, status, topic_sensitivity, is_free_trial, tier_id, duration_minutes, price_idr, started_at, ends_at, version, created_at';

export async function insertSession(
  q: Queryable,
  s: Omit<SessionRow, 'id' | 'version' | 'created_at'>,
  now: Date,
): Promise<SessionRow> {
  const { rows } = await q.query<SessionRow>(
    `INSERT INTO chat_sessions (request_id, customer_id, mitra_id, status, topic_sensitivity, is_free_trial, tier_id, duration_minutes, price_idr, started_at, ends_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING ${COLUMNS}`,
    [
      s.request_id,
      s.customer_id,
      s.mitra_id,
      s.status,
      s.topic_sensitivity,
      s.is_free_trial,
      s.tier_id,
      s.duration_minutes,
      s.price_idr,
      s.started_at,
      s.ends_at,
      now,
    ],
  );
  return rows[0]!;
}

export async function findSession(q: Queryable, id: string, lock = false): Promise<SessionRow | undefined> {
  const { rows } = await q.query<SessionRow>(
    `SELECT ${COLUMNS} FROM chat_sessions WHERE id = $1${lock ? ' FOR NO KEY UPDATE' : ''}`,
    [id],
  );
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

/** "Free trial used" is derived: the customer already had a free-trial session. */
export async function hasUsedFreeTrial(q: Queryable, customerId: string): Promise<boolean> {
  return (
    ((await q.query('SELECT 1 FROM chat_sessions WHERE customer_id = $1 AND is_free_trial LIMIT 1', [customerId]))
      .rowCount ?? 0) > 0
  );
}

export async function liveSessionOfCustomer(q: Queryable, customerId: string): Promise<SessionRow | undefined> {
  const { rows } = await q.query<SessionRow>(
    `SELECT ${COLUMNS} FROM chat_sessions WHERE customer_id = $1 AND status = ANY($2) LIMIT 1`,
    [customerId, CUSTOMER_LIVE_STATUSES],
  );
  return rows[0];
}

export async function currentSessionsOf(q: Queryable, side: 'customer' | 'mitra', userId: string) {
  const { rows } = await q.query<SessionRow & { customer_name: string; mitra_name: string }>(
    `SELECT ${COLUMNS.split(', ')
      .map((c) => `s.${c}`)
      .join(', ')}, c.display_name AS customer_name, m.display_name AS mitra_name
     FROM chat_sessions s JOIN customers c ON c.id = s.customer_id JOIN mitras m ON m.id = s.mitra_id
     WHERE s.${side === 'customer' ? 'customer_id' : 'mitra_id'} = $1 AND s.status = ANY($2) ORDER BY s.created_at`,
    [userId, CURRENT_STATUSES],
  );
  return rows;
}

/** What an app sees of a session: customers never see topic_sensitivity (SPEC §7). */
export function sessionView(
  s: SessionRow,
  names: { customer_name: string; mitra_name: string },
  audience: 'customer' | 'mitra',
) {
  const base = {
    id: s.id,
    request_id: s.request_id,
    status: s.status,
    is_free_trial: s.is_free_trial,
    tier_id: s.tier_id,
    duration_minutes: s.duration_minutes,
    price_idr: s.price_idr,
    started_at: s.started_at?.toISOString() ?? null,
    ends_at: s.ends_at?.toISOString() ?? null,
    created_at: s.created_at.toISOString(),
  };
  return audience === 'customer'
    ? { ...base, mitra: { id: s.mitra_id, display_name: names.mitra_name } }
    : {
        ...base,
        topic_sensitivity: s.topic_sensitivity,
        customer: { id: s.customer_id, display_name: names.customer_name },
      };
}

/** The Firestore session document both participants listen to (rules: participants only). */
export function sessionDoc(s: SessionRow, names: { customer_name: string; mitra_name: string }) {
  return {
    session_id: s.id,
    status: s.status,
    participants: [`c_${s.customer_id}`, `m_${s.mitra_id}`],
    customer_name: names.customer_name,
    mitra_name: names.mitra_name,
    topic_sensitivity: s.topic_sensitivity,
    is_free_trial: s.is_free_trial,
    duration_minutes: s.duration_minutes,
    started_at: s.started_at?.toISOString() ?? null,
    ends_at: s.ends_at?.toISOString() ?? null,
    version: s.version,
  };
}
