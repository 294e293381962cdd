import { createHash, randomBytes } from 'node:crypto';
import type { Db, Queryable } from '../db/pool';
import { AppError } from '../errors';
import type { UserType } from './access-tokens';
import { FailAfterCommit, txKeepingWrites } from './keep-writes';

export interface DeviceInfo {
  user_agent?: string;
  ip?: string;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newRefreshToken = () => randomBytes(32).toString('base64url');
const refreshInvalid = () => new AppError('REFRESH_INVALID', 'The refresh token is not valid');

export interface RefreshPolicy {
  ttlDays: number;
  reuseGraceSeconds: number;
}

/** Creates a sign-in's auth session and its first refresh token (inside the caller's transaction). */
export async function createAuthSession(
  q: Queryable,
  userType: UserType,
  userId: string,
  device: DeviceInfo,
  now: Date,
  policy: RefreshPolicy,
) {
  const expiresAt = new Date(now.getTime() + policy.ttlDays * 86_400_000);
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO auth_sessions (user_type, user_id, device_info, created_at, last_used_at, expires_at)
     VALUES ($1, $2, $3, $4, $4, $5) RETURNING id`,
    [userType, userId, JSON.stringify(device), now, expiresAt],
  );
  const sessionId = rows[0]!.id;
  const refreshToken = newRefreshToken();
  await q.query('INSERT INTO auth_refresh_tokens (token_hash, session_id, created_at) VALUES ($1, $2, $3)', [
    hashToken(refreshToken),
    sessionId,
    now,
  ]);
  return { sessionId, refreshToken };
}

/**
 * Rotates a refresh token: exactly one caller wins (conditional UPDATE). Presenting a token that was
 * rotated more than `reuseGraceSeconds` ago is treated as theft and revokes the whole session (that
 * revocation commits, then `onTheft` runs); within the grace it is a lost race or a retry and just fails.
 */
export async function rotateRefreshToken(
  db: Db,
  token: string,
  device: DeviceInfo,
  now: Date,
  policy: RefreshPolicy,
  allowed: (userType: UserType) => boolean = () => true,
  onTheft?: (revokedSessionId: string) => void,
): Promise<{ sessionId: string; userType: UserType; userId: string; refreshToken: string }> {
  const hash = hashToken(token);
  return txKeepingWrites(db, async (c) => {
    const won = await c.query<{ session_id: string }>(
      'UPDATE auth_refresh_tokens SET rotated_at = $2 WHERE token_hash = $1 AND rotated_at IS NULL RETURNING session_id',
      [hash, now],
    );
    if (won.rows[0]) {
      const { rows } = await c.query<{
        id: string;
        user_type: UserType;
        user_id: string;
        revoked_at: Date | null;
        revoked_reason: string | null;
        expires_at: Date;
      }>(
        'SELECT id, user_type, user_id, revoked_at, revoked_reason, expires_at FROM auth_sessions WHERE id = $1 FOR NO KEY UPDATE',
        [won.rows[0].session_id],
      );
      const s = rows[0]!;
      // Throwing rolls the rotation back: a token presented on the wrong route stays usable where it belongs.
      if (!allowed(s.user_type)) throw refreshInvalid();
      if (s.revoked_at) throw revokedBecause(s.revoked_reason);
      if (s.expires_at <= now) throw refreshInvalid();
      const refreshToken = newRefreshToken();
      await c.query('INSERT INTO auth_refresh_tokens (token_hash, session_id, created_at) VALUES ($1, $2, $3)', [
        hashToken(refreshToken),
        s.id,
        now,
      ]);
      await c.query(
        `UPDATE auth_sessions SET last_used_at = $2, device_info = device_info || $3::jsonb WHERE id = $1`,
        [s.id, now, JSON.stringify(device)],
      );
      return { sessionId: s.id, userType: s.user_type, userId: s.user_id, refreshToken };
    }
    const seen = await c.query<{ session_id: string; rotated_at: Date }>(
      'SELECT session_id, rotated_at FROM auth_refresh_tokens WHERE token_hash = $1',
      [hash],
    );
    const prior = seen.rows[0];
    if (prior && now.getTime() - prior.rotated_at.getTime() > policy.reuseGraceSeconds * 1000) {
      await revokeAuthSession(c, prior.session_id, 'refresh_token_reuse', now);
      throw new FailAfterCommit(refreshInvalid(), () => onTheft?.(prior.session_id));
    }
    throw refreshInvalid();
  });
}

export { refreshInvalid };

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

/** Revokes the session a refresh token belongs to (control-center logout by cookie). */
export async function revokeByRefreshToken(q: Queryable, token: string, now: Date): Promise<string | undefined> {
  const { rows } = await q.query<{ session_id: string }>(
    'SELECT session_id FROM auth_refresh_tokens WHERE token_hash = $1',
    [hashToken(token)],
  );
  const sessionId = rows[0]?.session_id;
  if (sessionId) await revokeAuthSession(q, sessionId, 'logout', now);
  return sessionId;
}

/** An operator's action explains itself to the app (SPEC §4): the account, not the token, is the problem. */
function revokedBecause(reason: string | null): AppError {
  if (reason === 'mitra_deactivated') return new AppError('ACCOUNT_INACTIVE');
  if (reason === 'customer_banned') return new AppError('ACCOUNT_BANNED');
  return refreshInvalid();
}
