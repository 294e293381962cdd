import { createHash, randomBytes } from 'node:crypto';
import type { Db, Queryable } from '../db/pool';
import { AppError } from '../errors';
import type { UserType } from './access-tokens';
import { FailAfterCommit, txKeepingWrites } from './keep-writes';
import { claimRefreshToken, findRefreshToken, insertRefreshToken } from './repo/auth-refresh-tokens';
import { insertAuthSession, lockAuthSession, revokeAuthSession, touchAuthSession } from './repo/auth-sessions';

export interface DeviceInfo {
  user_agent?: string;
  ip?: string;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newRefreshToken = () => randomBytes(32).toString('base64url');
const refreshInvalid = () => new AppError('REFRESH_INVALID');

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
  const sessionId = await insertAuthSession(q, { userType, userId, device, expiresAt }, now);
  const refreshToken = newRefreshToken();
  await insertRefreshToken(q, hashToken(refreshToken), sessionId, now);
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
    const wonSessionId = await claimRefreshToken(c, hash, now);
    if (wonSessionId) {
      const s = (await lockAuthSession(c, wonSessionId))!;
      // Throwing rolls the rotation back: a token presented on the wrong route stays usable where it belongs.
      if (!allowed(s.user_type)) throw refreshInvalid();
      if (s.revoked_at) throw revokedBecause(s.revoked_reason);
      if (s.expires_at <= now) throw refreshInvalid();
      const refreshToken = newRefreshToken();
      await insertRefreshToken(c, hashToken(refreshToken), s.id, now);
      await touchAuthSession(c, s.id, device, now);
      return { sessionId: s.id, userType: s.user_type, userId: s.user_id, refreshToken };
    }
    const prior = await findRefreshToken(c, hash);
    if (prior?.rotated_at && now.getTime() - prior.rotated_at.getTime() > policy.reuseGraceSeconds * 1000) {
      await revokeAuthSession(c, prior.session_id, 'refresh_token_reuse', now);
      throw new FailAfterCommit(refreshInvalid(), () => onTheft?.(prior.session_id));
    }
    throw refreshInvalid();
  });
}

export { refreshInvalid };

/** Revokes the session a refresh token belongs to (control-center logout by cookie). */
export async function revokeByRefreshToken(q: Queryable, token: string, now: Date): Promise<string | undefined> {
  const sessionId = (await findRefreshToken(q, hashToken(token)))?.session_id;
  if (sessionId) await revokeAuthSession(q, sessionId, 'logout', now);
  return sessionId;
}

/** An operator's action explains itself to the app (SPEC §4): the account, not the token, is the problem. */
function revokedBecause(reason: string | null): AppError {
  if (reason === 'mitra_deactivated') return new AppError('ACCOUNT_INACTIVE');
  if (reason === 'customer_banned') return new AppError('ACCOUNT_BANNED');
  return refreshInvalid();
}
