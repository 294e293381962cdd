import { commitWithEffects } from '../outbox';
import type { Principal, UserType } from './access-tokens';
import type { AuthDeps } from './deps';
import { endFirestoreAccess } from './firestore-access';
import { revokeByRefreshToken } from './refresh-sessions';
import { hasLiveSession, revokeAuthSession, revokeUserSessions } from './repo/auth-sessions';

type Deps = Pick<AuthDeps, 'db' | 'clock' | 'tokens'>;

/**
 * Ends the caller's session: its refresh token at once, its access tokens within the revocation lag.
 * A mobile user's last session takes its Firestore access with it (SPEC §13: the epoch moves on).
 */
export async function logout(deps: Deps & Pick<AuthDeps, 'relay'>, p: Principal): Promise<void> {
  const now = deps.clock.now();
  await commitWithEffects(deps, async (t) => {
    await revokeAuthSession(t, p.sessionId, 'logout', now);
    if (p.userType !== 'cc_user' && !(await hasLiveSession(t, p.userType, p.userId, now)))
      await endFirestoreAccess(t, p.userType, p.userId);
  });
  deps.tokens.revocations.markRevoked(p.sessionId);
}

/** Control-center logout by cookie alone (the access token may already be gone). */
export async function logoutByRefreshToken(deps: Deps, refreshToken: string): Promise<void> {
  const sessionId = await revokeByRefreshToken(deps.db, refreshToken, deps.clock.now());
  if (sessionId) deps.tokens.revocations.markRevoked(sessionId);
}

/** Every live session of a user (ban, deactivation, password change), optionally but one. */
export async function revokeAllSessions(
  deps: Deps,
  user: { userType: UserType; userId: string },
  reason: string,
  exceptSessionId?: string,
): Promise<void> {
  const ids = await revokeUserSessions(deps.db, user.userType, user.userId, reason, deps.clock.now(), exceptSessionId);
  for (const id of ids) deps.tokens.revocations.markRevoked(id);
}
