import { AppError } from '../errors';
import { findCcUser, findCustomer, findMitra } from '../users';
import type { Principal, UserType } from './access-tokens';
import type { AuthDeps } from './deps';
import { issueTokens, type TokenPair } from './issue-tokens';
import { revokeAuthSession } from './repo/auth-sessions';
import { rotateRefreshToken, type DeviceInfo } from './refresh-sessions';

/**
 * Rotates a refresh token. Mobile tokens here; control-center tokens only through the cookie route.
 * A deactivated mitra or a banned customer loses the session instead (SPEC §4).
 */
export async function refresh(
  deps: Pick<AuthDeps, 'db' | 'clock' | 'tokens' | 'refreshPolicy' | 'logger'>,
  input: { refreshToken: string; device: DeviceInfo; audience: 'mobile' | 'cc_user' },
): Promise<{ principal: Principal; tokens: TokenPair }> {
  const allowed = (t: UserType) => (input.audience === 'cc_user') === (t === 'cc_user');
  const rotated = await rotateRefreshToken(
    deps.db,
    input.refreshToken,
    input.device,
    deps.clock.now(),
    deps.refreshPolicy,
    allowed,
    (revokedSessionId) => {
      deps.tokens.revocations.markRevoked(revokedSessionId);
      deps.logger.warn('refresh token reuse: session revoked', { auth_session_id: revokedSessionId });
    },
  );
  const principal: Principal = { userId: rotated.userId, userType: rotated.userType, sessionId: rotated.sessionId };
  if (rotated.userType === 'cc_user') {
    const role = (await findCcUser(deps.db, rotated.userId))?.role_id;
    if (role) principal.role = role;
  } else if (rotated.userType === 'mitra' && !(await findMitra(deps.db, rotated.userId))?.is_active) {
    await endRefreshedSession(deps, principal, 'mitra_deactivated');
    throw new AppError('ACCOUNT_INACTIVE');
  } else if (rotated.userType === 'customer' && (await findCustomer(deps.db, rotated.userId))?.is_banned) {
    await endRefreshedSession(deps, principal, 'customer_banned');
    throw new AppError('ACCOUNT_BANNED');
  }
  return { principal, tokens: await issueTokens(deps, { principal, refreshToken: rotated.refreshToken }) };
}

/** The ban or deactivation already ended the user's Firestore access; this session ends with it. */
async function endRefreshedSession(deps: Pick<AuthDeps, 'db' | 'clock' | 'tokens'>, p: Principal, reason: string) {
  await revokeAuthSession(deps.db, p.sessionId, reason, deps.clock.now());
  deps.tokens.revocations.markRevoked(p.sessionId);
}
