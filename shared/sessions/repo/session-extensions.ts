import type { Queryable } from '../../db/pool';
import type { Sensitivity } from '../types';

export type ExtensionStatus = 'requested' | 'accepted' | 'rejected' | 'timed_out' | 'applied' | 'lapsed' | 'cancelled';
export const OPEN_EXTENSION_STATUSES: ExtensionStatus[] = ['requested', 'accepted'];

export interface ExtensionRow {
  id: string;
  session_id: string;
  tier_id: string;
  duration_minutes: number;
  price_idr: number;
  status: ExtensionStatus;
  topic_sensitivity: Sensitivity;
  respond_by: Date;
  responded_at: Date | null;
  applied_at: Date | null;
  created_at: Date;
}

/** session_extensions: the columns every query reads, in one list. */
const COLUMNS = [
  'id',
  'session_id',
  'tier_id',
  'duration_minutes',
  'price_idr',
  'status',
  'topic_sensitivity',
  'respond_by',
  'responded_at',
  'applied_at',
  'created_at',
] as const satisfies readonly (keyof ExtensionRow)[];
const ALL = COLUMNS.join(', ');

/** Undefined when another extension is open (the one-open-per-session unique index settled it). */
export async function insertExtension(
  q: Queryable,
  e: Pick<
    ExtensionRow,
    'session_id' | 'tier_id' | 'duration_minutes' | 'price_idr' | 'topic_sensitivity' | 'respond_by'
  >,
  now: Date,
): Promise<ExtensionRow | undefined> {
  const { rows } = await q.query<ExtensionRow>(
    `INSERT INTO session_extensions (session_id, tier_id, duration_minutes, price_idr, status, topic_sensitivity, respond_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, 'requested', $5, $6, $7, $7)
     ON CONFLICT (session_id) WHERE status IN ('requested', 'accepted') DO NOTHING RETURNING ${ALL}`,
    [e.session_id, e.tier_id, e.duration_minutes, e.price_idr, e.topic_sensitivity, e.respond_by, now],
  );
  return rows[0];
}

export async function findExtension(q: Queryable, id: string): Promise<ExtensionRow | undefined> {
  const { rows } = await q.query<ExtensionRow>(`SELECT ${ALL} FROM session_extensions WHERE id = $1`, [id]);
  return rows[0];
}

/** The session's newest extension (what its docs show), any status. */
export async function latestExtensionOf(q: Queryable, sessionId: string): Promise<ExtensionRow | undefined> {
  const { rows } = await q.query<ExtensionRow>(
    `SELECT ${ALL} FROM session_extensions WHERE session_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
    [sessionId],
  );
  return rows[0];
}

/** One conditional UPDATE: only from `from`, so a late timer, a second answer or a replay changes nothing. */
export async function moveExtension(
  q: Queryable,
  id: string,
  from: ExtensionStatus[],
  to: ExtensionStatus,
  now: Date,
): Promise<ExtensionRow | undefined> {
  const stamp =
    to === 'applied' ? 'applied_at = $4,' : ['accepted', 'rejected'].includes(to) ? 'responded_at = $4,' : '';
  const { rows } = await q.query<ExtensionRow>(
    `UPDATE session_extensions SET status = $3, ${stamp} updated_at = $4 WHERE id = $1 AND status = ANY($2) RETURNING ${ALL}`,
    [id, from, to, now],
  );
  return rows[0];
}

/** Closes whatever extension is still open on a session that is leaving (ended, banned). */
export async function cancelOpenExtensions(q: Queryable, sessionId: string, now: Date): Promise<ExtensionRow[]> {
  const { rows } = await q.query<ExtensionRow>(
    `UPDATE session_extensions SET status = 'cancelled', updated_at = $2
     WHERE session_id = $1 AND status = ANY($3) RETURNING ${ALL}`,
    [sessionId, now, OPEN_EXTENSION_STATUSES],
  );
  return rows;
}

/** Each session's newest extension, for a page of sessions in one query. */
export async function latestExtensions(q: Queryable, ids: string[]): Promise<Map<string, ExtensionRow>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<ExtensionRow>(
    `SELECT DISTINCT ON (session_id) ${ALL} FROM session_extensions WHERE session_id = ANY($1::uuid[])
     ORDER BY session_id, created_at DESC, id DESC`,
    [ids],
  );
  return new Map(rows.map((x) => [x.session_id, x]));
}

/** Every extension of a session, oldest first (the control center's detail). */
export async function extensionsOf(q: Queryable, sessionId: string): Promise<ExtensionRow[]> {
  const { rows } = await q.query<ExtensionRow>(
    `SELECT ${ALL} FROM session_extensions WHERE session_id = $1 ORDER BY created_at, id`,
    [sessionId],
  );
  return rows;
}

export async function hasOpenExtension(q: Queryable, sessionId: string): Promise<boolean> {
  const { rowCount } = await q.query('SELECT 1 FROM session_extensions WHERE session_id = $1 AND status = ANY($2)', [
    sessionId,
    OPEN_EXTENSION_STATUSES,
  ]);
  return (rowCount ?? 0) > 0;
}
