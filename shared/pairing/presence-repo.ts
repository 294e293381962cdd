import type { Queryable } from '../db/pool';
import { CAPACITY_STATUSES } from '../sessions';

const CAPACITY_COUNT = `(SELECT count(*)::int FROM chat_sessions s WHERE s.mitra_id = m.id AND s.status IN (${CAPACITY_STATUSES.map((x) => `'${x}'`).join(', ')}))`;

export interface PresenceRow {
  id: string;
  is_online: boolean;
  is_active: boolean;
  last_heartbeat_at: Date | null;
}

/** Online only for an active mitra; undefined means deactivated (or unknown). */
export async function setOnline(
  q: Queryable,
  mitraId: string,
  online: boolean,
  now: Date,
): Promise<PresenceRow | undefined> {
  const { rows } = await q.query<PresenceRow>(
    `UPDATE mitras SET is_online = $2, last_heartbeat_at = CASE WHEN $2 THEN $3 ELSE last_heartbeat_at END, updated_at = $3
     WHERE id = $1 AND is_active RETURNING id, is_online, is_active, last_heartbeat_at`,
    [mitraId, online, now],
  );
  return rows[0];
}

/** The hot path: one primary-key UPDATE, no join. False means deactivated → 403 with no slower path. */
export async function heartbeat(q: Queryable, mitraId: string, now: Date): Promise<boolean> {
  const res = await q.query('UPDATE mitras SET last_heartbeat_at = $2 WHERE id = $1 AND is_active', [mitraId, now]);
  return (res.rowCount ?? 0) > 0;
}

/** Turns mitras whose heartbeat is older than the stale threshold offline; returns their ids. */
export async function sweepStale(q: Queryable, now: Date, staleSeconds: number): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `UPDATE mitras SET is_online = false, updated_at = $1
     WHERE is_online AND (last_heartbeat_at IS NULL OR last_heartbeat_at < $1::timestamptz - make_interval(secs => $2)) RETURNING id`,
    [now, staleSeconds],
  );
  return rows.map((r) => r.id);
}

export interface AvailableMitra {
  id: string;
  active_session_count: number;
}

/** Online, active, fresh heartbeat and below capacity (SPEC §6), optionally among the given ids. */
export async function availableMitras(
  q: Queryable,
  now: Date,
  staleSeconds: number,
  maxSessions: number,
  onlyIds?: string[],
): Promise<AvailableMitra[]> {
  const { rows } = await q.query<AvailableMitra>(
    `SELECT m.id, ${CAPACITY_COUNT} AS active_session_count FROM mitras m
     WHERE m.is_online AND m.is_active AND m.last_heartbeat_at > $1::timestamptz - make_interval(secs => $2)
       AND ($4::uuid[] IS NULL OR m.id = ANY($4::uuid[]))
       AND ${CAPACITY_COUNT} < $3
     ORDER BY m.id`,
    [now, staleSeconds, maxSessions, onlyIds ?? null],
  );
  return rows;
}

export async function presenceOf(q: Queryable, mitraId: string) {
  const { rows } = await q.query<PresenceRow & { active_session_count: number }>(
    `SELECT m.id, m.is_online, m.is_active, m.last_heartbeat_at, ${CAPACITY_COUNT} AS active_session_count FROM mitras m WHERE m.id = $1`,
    [mitraId],
  );
  return rows[0];
}

/** Locks the mitra row first in every accept (lock order mitra → request → notifications): capacity holds across requests. */
export async function lockMitra(q: Queryable, mitraId: string) {
  const { rows } = await q.query<{ is_active: boolean; display_name: string }>(
    'SELECT is_active, display_name FROM mitras WHERE id = $1 FOR NO KEY UPDATE',
    [mitraId],
  );
  return rows[0];
}
