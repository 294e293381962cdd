import { AppError } from '../errors';
import { ccUserProfile, findCcUser, insertCcUser, roleExists, setPasswordHash } from '../users';
import type { Principal } from './access-tokens';
import type { AuthDeps } from './deps';
import { revokeAllSessions } from './logout';
import { assertPasswordComplexity, hashPassword, verifyPassword } from './passwords';

type Deps = Pick<AuthDeps, 'db' | 'clock' | 'tokens'>;

export async function createCcUser(
  deps: Deps,
  input: { email: string; password: string; display_name: string; role: string },
) {
  assertPasswordComplexity(input.password);
  if (!(await roleExists(deps.db, input.role))) throw AppError.invalid('role', 'unknown role', 'invalid_value');
  const user = await insertCcUser(
    deps.db,
    {
      email: input.email.trim(),
      display_name: input.display_name,
      password_hash: await hashPassword(input.password),
      role_id: input.role,
    },
    deps.clock.now(),
  );
  if (!user) throw new AppError('EMAIL_TAKEN');
  return ccUserProfile(user);
}

/** The caller's own password; every other session of theirs ends. */
export async function changeOwnPassword(deps: Deps, p: Principal, input: { current: string; next: string }) {
  const user = await findCcUser(deps.db, p.userId);
  if (!user || !(await verifyPassword(input.current, user.password_hash)))
    throw new AppError('INVALID_CREDENTIALS', 'Password saat ini salah');
  assertPasswordComplexity(input.next);
  await setPasswordHash(deps.db, user.id, await hashPassword(input.next), deps.clock.now());
  await revokeAllSessions(deps, { userType: 'cc_user', userId: user.id }, 'password_changed', p.sessionId);
}

/** An administrator's reset; every session of the target ends. */
export async function adminResetPassword(deps: Deps, targetId: string, next: string) {
  assertPasswordComplexity(next);
  const hash = await hashPassword(next);
  if (!(await setPasswordHash(deps.db, targetId, hash, deps.clock.now())))
    throw new AppError('NOT_FOUND', 'Pengguna tidak ditemukan');
  await revokeAllSessions(deps, { userType: 'cc_user', userId: targetId }, 'password_reset');
}
