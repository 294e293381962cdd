import type { Queryable } from '../../db/pool';
import { ERASED_NAME } from './customers';

export interface MitraRow {
  id: string;
  /** Null only once the account was deleted (SPEC §14). */
  phone: string | null;
  display_name: string;
  is_active: boolean;
  is_online: boolean;
  last_heartbeat_at: Date | null;
  /** Operator-set: may be offered `sensitive` requests (SPEC §6). */
  sensitive_ok: boolean;
  created_at: Date;
  updated_at: Date;
  erased_at: Date | null;
}

/** mitras: every column, in one list; the projections below are subsets of it. */
export const COLUMNS = [
  'id',
  'phone',
  'display_name',
  'is_active',
  'is_online',
  'last_heartbeat_at',
  'sensitive_ok',
  'created_at',
  'updated_at',
  'erased_at',
] as const satisfies readonly (keyof MitraRow)[];
type Column = (typeof COLUMNS)[number];
const ALL = COLUMNS.join(', ');
/** What the presence paths read and answer. */
const PRESENCE = ['id', 'is_online', 'is_active', 'last_heartbeat_at'] as const satisfies readonly Column[];
export type PresenceRow = Pick<MitraRow, (typeof PRESENCE)[number]>;
/** What an accept needs of the mitra it locks. */
const LOCKED = ['is_active', 'display_name'] as const satisfies readonly Column[];

/**
 * The session statuses that hold a mitra's place, as SQL literals. They are the sessions feature's (it
 * owns chat_sessions; users sits below it, so the caller passes them); literals, not a parameter, so
 * the capacity partial index on chat_sessions matches.
 */
export function liveStatusList(liveStatuses: readonly string[]): string {
  if (liveStatuses.length === 0 || liveStatuses.some((s) => !/^[a-z_]+$/.test(s)))
    throw new Error(`not session statuses: ${liveStatuses.join(', ')}`);
  return liveStatuses.map((x) => `'${x}'`).join(', ');
}

/** Sessions holding one of mitra `m`'s places. */
const capacityCount = (liveStatuses: readonly string[]) =>
  `(SELECT count(*)::int FROM chat_sessions s WHERE s.mitra_id = m.id AND s.status IN (${liveStatusList(liveStatuses)}))`;

export async function findMitra(q: Queryable, id: string, lock = false): Promise<MitraRow | undefined> {
  const { rows } = await q.query<MitraRow>(
    `SELECT ${ALL} FROM mitras WHERE id = $1${lock ? ' FOR NO KEY UPDATE' : ''}`,
    [id],
  );
  return rows[0];
}

/** Finds the mitra with this phone, creating an inactive one (operators activate) when none exists. */
export async function findOrCreateMitraByPhone(
  q: Queryable,
  phone: string,
  now: Date,
  fields: { display_name?: string; is_active?: boolean } = {},
): Promise<{ mitra: MitraRow; created: boolean }> {
  const inserted = await q.query<MitraRow>(
    `INSERT INTO mitras (phone, display_name, is_active, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
     ON CONFLICT (phone) DO NOTHING RETURNING ${ALL}`,
    [phone, fields.display_name ?? `Bestie ${phone.slice(-4)}`, fields.is_active ?? false, now],
  );
  if (inserted.rows[0]) return { mitra: inserted.rows[0], created: true };
  const { rows } = await q.query<MitraRow>(`SELECT ${ALL} FROM mitras WHERE phone = $1`, [phone]);
  return { mitra: rows[0]!, created: false };
}

/** An operator's edit; a deactivated mitra is offline too (it can no longer heartbeat or accept). */
export async function updateMitraByOperator(
  q: Queryable,
  id: string,
  patch: { display_name?: string; is_active?: boolean; sensitive_ok?: boolean },
  now: Date,
): Promise<MitraRow | undefined> {
  const { rows } = await q.query<MitraRow>(
    `UPDATE mitras SET display_name = COALESCE($2, display_name), is_active = COALESCE($3, is_active),
       is_online = CASE WHEN $3 = false THEN false ELSE is_online END,
       sensitive_ok = COALESCE($5, sensitive_ok), updated_at = $4
     WHERE id = $1 AND erased_at IS NULL RETURNING ${ALL}`,
    [id, patch.display_name ?? null, patch.is_active ?? null, now, patch.sensitive_ok ?? null],
  );
  return rows[0];
}

/** Online only for an active mitra; undefined means deactivated (or unknown). */
export async function setMitraOnline(
  q: Queryable,
  mitraId: string,
  online: boolean,
  now: Date,
): Promise<PresenceRow | undefined> {
  const { rows } = await q.query<PresenceRow>(
    `UPDATE mitras SET is_online = $2, last_heartbeat_at = CASE WHEN $2 THEN $3 ELSE last_heartbeat_at END, updated_at = $3
     WHERE id = $1 AND is_active RETURNING ${PRESENCE.join(', ')}`,
    [mitraId, online, now],
  );
  return rows[0];
}

/** The hot path: one primary-key UPDATE, no join. False means deactivated → 403 with no slower path. */
export async function touchHeartbeat(q: Queryable, mitraId: string, now: Date): Promise<boolean> {
  const res = await q.query('UPDATE mitras SET last_heartbeat_at = $2 WHERE id = $1 AND is_active', [mitraId, now]);
  return (res.rowCount ?? 0) > 0;
}

/** Turns mitras whose heartbeat is older than the stale threshold offline; returns their ids. */
export async function turnStaleOffline(q: Queryable, now: Date, staleSeconds: number): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `UPDATE mitras SET is_online = false, updated_at = $1
     WHERE is_online AND (last_heartbeat_at IS NULL OR last_heartbeat_at < $1::timestamptz - make_interval(secs => $2)) RETURNING id`,
    [now, staleSeconds],
  );
  return rows.map((r) => r.id);
}

/** Locks the mitra row first in every accept (lock order mitra → request → notifications): capacity holds across requests. */
export async function lockMitra(q: Queryable, mitraId: string) {
  const { rows } = await q.query<Pick<MitraRow, (typeof LOCKED)[number]>>(
    `SELECT ${LOCKED.join(', ')} FROM mitras WHERE id = $1 FOR NO KEY UPDATE`,
    [mitraId],
  );
  return rows[0];
}

export interface AvailableMitra {
  id: string;
  active_session_count: number;
}

/**
 * Online, active, fresh heartbeat and below capacity (SPEC §6), optionally among the given ids;
 * `liveStatuses` are the session statuses that hold a place.
 */
export async function availableMitras(
  q: Queryable,
  p: { now: Date; staleSeconds: number; maxSessions: number; liveStatuses: readonly string[] },
  onlyIds?: string[],
): Promise<AvailableMitra[]> {
  const count = capacityCount(p.liveStatuses);
  const { rows } = await q.query<AvailableMitra>(
    `SELECT m.id, ${count} AS active_session_count FROM mitras m
     WHERE m.is_online AND m.is_active AND m.last_heartbeat_at > $1::timestamptz - make_interval(secs => $2)
       AND ($4::uuid[] IS NULL OR m.id = ANY($4::uuid[]))
       AND ${count} < $3
     ORDER BY m.id`,
    [p.now, p.staleSeconds, p.maxSessions, onlyIds ?? null],
  );
  return rows;
}

/**
 * Every available mitra (SPEC §6) as a subquery, with what the fair order ranks by: sessions accepted in
 * the last 24 h and when its latest session ended (`now` while that session still holds a place; null
 * when it never had one: idle longest). Placeholders are the caller's, so an offer stays one statement;
 * `only` narrows to one mitra (NULL: all). Each figure is an index range on chat_sessions (mitra_id, …).
 */
export function availableMitrasSql(p: {
  now: string;
  staleSeconds: string;
  maxSessions: string;
  only: string;
  liveStatuses: readonly string[];
}): string {
  const live = liveStatusList(p.liveStatuses);
  return `SELECT m.id, m.sensitive_ok, cap.n AS active_session_count, day.n AS accepted_24h, latest.ended AS idle_since
    FROM mitras m
    CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM chat_sessions s WHERE s.mitra_id = m.id AND s.status IN (${live})) cap
    CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM chat_sessions s
      WHERE s.mitra_id = m.id AND s.created_at > ${p.now}::timestamptz - interval '24 hours') day
    LEFT JOIN LATERAL (SELECT CASE WHEN s.status IN (${live}) THEN ${p.now}::timestamptz
        ELSE COALESCE(s.closing_at, s.cancelled_at, s.completed_at, s.created_at) END AS ended
      FROM chat_sessions s WHERE s.mitra_id = m.id ORDER BY s.created_at DESC LIMIT 1) latest ON true
    WHERE m.is_online AND m.is_active AND m.last_heartbeat_at > ${p.now}::timestamptz - make_interval(secs => ${p.staleSeconds})
      AND (${p.only}::uuid IS NULL OR m.id = ${p.only}::uuid) AND cap.n < ${p.maxSessions}`;
}

/** A mitra's presence and the places its sessions hold (`liveStatuses` as for availableMitras). */
export async function presenceOf(q: Queryable, mitraId: string, liveStatuses: readonly string[]) {
  const { rows } = await q.query<PresenceRow & { active_session_count: number }>(
    `SELECT ${PRESENCE.map((c) => `m.${c}`).join(', ')}, ${capacityCount(liveStatuses)} AS active_session_count
     FROM mitras m WHERE m.id = $1`,
    [mitraId],
  );
  return rows[0];
}

/**
 * Account deletion (SPEC §14): the row stays (mitras are never deleted, their id never changes:
 * migrations 0014, 0015), inactive and offline, with every personal field gone.
 */
export async function eraseMitraRow(q: Queryable, id: string, now: Date): Promise<MitraRow | undefined> {
  const { rows } = await q.query<MitraRow>(
    `UPDATE mitras SET display_name = $2, phone = NULL, is_active = false, is_online = false, last_heartbeat_at = NULL,
       erased_at = COALESCE(erased_at, $3), updated_at = $3
     WHERE id = $1 RETURNING ${ALL}`,
    [id, ERASED_NAME, now],
  );
  return rows[0];
}
