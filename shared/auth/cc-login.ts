import { tx } from '../db/tx';
import { AppError } from '../errors';
import { ccUserProfile, claimLoginAttempt, findCcUser, findCcUserByEmail, resetFailedLogins } from '../users';
import type { AuthDeps } from './deps';
import { issueTokens, startSession } from './issue-tokens';
import { verifyPassword } from './passwords';
import type { DeviceInfo } from './refresh-sessions';

type Deps = Pick<AuthDeps, 'db' | 'clock' | 'config' | 'tokens' | 'permissions' | 'refreshPolicy'>;

/**
 * Email + password with a lockout after consecutive failures (limits in app_config). The attempt is
 * counted before bcrypt runs, atomically (claimLoginAttempt), so parallel guesses get exactly the
 * configured number of tries: the one that reaches it locks the account, later ones are 423 at once.
 */
export async function ccLogin(deps: Deps, input: { email: string; password: string; device: DeviceInfo }) {
  const cfg = await deps.config.get();
  const now = deps.clock.now();
  const invalid = new AppError('INVALID_CREDENTIALS');
  const user = await claimLoginAttempt(deps.db, input.email, now, cfg.cc_lockout_max_failures, cfg.cc_lockout_minutes);
  if (!user) {
    const known = await findCcUserByEmail(deps.db, input.email);
    if (known?.lockout_until && known.lockout_until > now) {
      throw new AppError('ACCOUNT_LOCKED', undefined, { locked_until: known.lockout_until.toISOString() });
    }
    // bcrypt runs for unknown emails too, so they cost what a wrong password costs and look the same.
    await verifyPassword(input.password, undefined);
    throw invalid;
  }
  if (!(await verifyPassword(input.password, user.password_hash))) throw invalid;
  await resetFailedLogins(deps.db, user.id);
  const session = await tx(deps.db, (c) =>
    startSession(deps, c, { userType: 'cc_user', userId: user.id, role: user.role_id }, input.device),
  );
  return {
    tokens: await issueTokens(deps, session),
    profile: ccUserProfile(user),
    role: user.role_id,
    permissions: await deps.permissions.of(user.role_id),
  };
}

export async function ccMe(deps: Pick<AuthDeps, 'db' | 'permissions'>, userId: string) {
  const user = await findCcUser(deps.db, userId);
  if (!user) throw new AppError('NOT_FOUND', 'Pengguna tidak ditemukan');
  return { profile: ccUserProfile(user), role: user.role_id, permissions: await deps.permissions.of(user.role_id) };
}
