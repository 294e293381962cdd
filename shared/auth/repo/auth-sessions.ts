import type { Queryable } from '../../db/pool';
import type { UserType } from '../access-tokens';

export interface AuthSessionRow {
  id: string;
  user_type: UserType;
  user_id: string;
  device_info: Record<string, unknown>;
  created_at: Date;
  last_used_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  revoked_reason: string | null;
}

/** auth_sessions: every column, in one list; the projection below is a subset of it. */
export const COLUMNS = [
  'id',
  'user_type',
  'user_id',
  'device_info',
  'created_at',
  'last_used_at',
  'expires_at',
  'revoked_at',
  'revoked_reason',
] as const satisfies readonly (keyof AuthSessionRow)[];
/** What a refresh checks before it issues a new token (not the device or the timestamps it updates). */
const REFRESH = [
  'id',
  'user_type',
  'user_id',
  'revoked_at',
  'revoked_reason',
  'expires_at',
] as const satisfies readonly (typeof COLUMNS)[number][];
export type RefreshCheckRow = Pick<AuthSessionRow, (typeof REFRESH)[number]>;

/** A sign-in's auth session; returns its id. */
export async function insertAuthSession(
  q: Queryable,
  s: { userType: UserType; userId: string; device: object; expiresAt: Date },
  now: Date,
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO auth_sessions (user_type, user_id, device_info, created_at, last_used_at, expires_at)
     VALUES ($1, $2, $3, $4, $4, $5) RETURNING id`,
    [s.userType, s.userId, JSON.stringify(s.device), now, s.expiresAt],
  );
  return rows[0]!.id;
}

/** Row-locked, so a refresh and a revocation of one session are ordered. */
export async function lockAuthSession(q: Queryable, id: string): Promise<RefreshCheckRow | undefined> {
  const { rows } = await q.query<RefreshCheckRow>(
    `SELECT ${REFRESH.join(', ')} FROM auth_sessions WHERE id = $1 FOR NO KEY UPDATE`,
    [id],
  );
  return rows[0];
}

/** A refresh's mark: when the session was last used, and from which device (merged into what it knew). */
export async function touchAuthSession(q: Queryable, id: string, device: object, now: Date) {
  await q.query(`UPDATE auth_sessions SET last_used_at = $2, device_info = device_info || $3::jsonb WHERE id = $1`, [
    id,
    now,
    JSON.stringify(device),
  ]);
}

export async function revokeAuthSession(q: Queryable, sessionId: string, reason: string, now: Date): Promise<boolean> {
  const res = await q.query(
    'UPDATE auth_sessions SET revoked_at = $2, revoked_reason = $3 WHERE id = $1 AND revoked_at IS NULL',
    [sessionId, now, reason],
  );
  return (res.rowCount ?? 0) > 0;
}

/** Revokes every live session of a user (ban, deactivation, password change); returns their ids. */
export async function revokeUserSessions(
  q: Queryable,
  userType: UserType,
  userId: string,
  reason: string,
  now: Date,
  exceptSessionId?: string,
): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `UPDATE auth_sessions SET revoked_at = $3, revoked_reason = $4
     WHERE user_type = $1 AND user_id = $2 AND revoked_at IS NULL AND ($5::uuid IS NULL OR id <> $5::uuid) RETURNING id`,
    [userType, userId, now, reason, exceptSessionId ?? null],
  );
  return rows.map((r) => r.id);
}

/** Sessions revoked after `since` (the revocation cache's whole content). */
export async function revokedSince(q: Queryable, since: Date): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>('SELECT id FROM auth_sessions WHERE revoked_at > $1', [since]);
  return rows.map((r) => r.id);
}

/** Whether the user still has a session nobody revoked (expired ones end by themselves). */
export async function hasLiveSession(q: Queryable, userType: UserType, userId: string, now: Date): Promise<boolean> {
  const { rowCount } = await q.query(
    `SELECT 1 FROM auth_sessions WHERE user_type = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > $3 LIMIT 1`,
    [userType, userId, now],
  );
  return (rowCount ?? 0) > 0;
}

/** The devices (user agent, IP) the user's sessions were used from go (account deletion); the rows stay revoked. */
export async function forgetDevicesOfUser(q: Queryable, userType: UserType, userId: string): Promise<void> {
  await q.query(
    `UPDATE auth_sessions SET device_info = '{}'::jsonb WHERE user_type = $1 AND user_id = $2 AND device_info <> '{}'::jsonb`,
    [userType, userId],
  );
}

/**
 * Retention (SPEC §14): up to `limit` sessions revoked or expired before `cutoff` go, with their refresh
 * tokens (ON DELETE CASCADE). Long past the revocation cache's window (the access-token TTL).
 */
export async function deleteEndedSessions(q: Queryable, cutoff: Date, limit: number): Promise<number> {
  const res = await q.query(
    `DELETE FROM auth_sessions WHERE id IN (
       SELECT id FROM auth_sessions WHERE revoked_at < $1
       UNION SELECT id FROM auth_sessions WHERE expires_at < $1
       LIMIT $2)`,
    [cutoff, limit],
  );
  return res.rowCount ?? 0;
}
