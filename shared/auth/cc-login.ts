import { tx } from '../db/tx';
import { AppError } from '../errors';
import { ccUserProfile, findCcUser, findCcUserByEmail, recordFailedLogin, resetFailedLogins } from '../users';
import type { AuthDeps } from './deps';
import { issueTokens, startSession } from './issue-tokens';
import { verifyPassword } from './passwords';
import type { DeviceInfo } from './refresh-sessions';

type Deps = Pick<AuthDeps, 'db' | 'clock' | 'config' | 'tokens' | 'permissions' | 'refreshPolicy'>;

/** Email + password with a lockout after consecutive failures (limits in app_config). */
export async function ccLogin(deps: Deps, input: { email: string; password: string; device: DeviceInfo }) {
  const user = await findCcUserByEmail(deps.db, input.email);
  // bcrypt runs for unknown emails too, so both failures cost the same time and look the same.
  const passwordOk = await verifyPassword(input.password, user?.password_hash);
  const invalid = new AppError('INVALID_CREDENTIALS');
  if (!user) throw invalid;
  const now = deps.clock.now();
  if (user.lockout_until && user.lockout_until > now) {
    throw new AppError('ACCOUNT_LOCKED', undefined, { locked_until: user.lockout_until.toISOString() });
  }
  if (!passwordOk) {
    const cfg = await deps.config.get();
    await recordFailedLogin(deps.db, user.id, now, cfg.cc_lockout_max_failures, cfg.cc_lockout_minutes);
    throw invalid;
  }
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
