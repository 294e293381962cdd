import { AppError } from '../errors';
import { firebaseUid } from '../realtime';
import { firestoreEpochOf } from '../users';
import type { MobileUser } from './access-tokens';
import type { AuthDeps } from './deps';

/**
 * A Firebase custom token so the app can listen to its own Firestore documents under the rules. `epoch`
 * is the user's Firestore access epoch (SPEC §13), which every rule compares with `users/{uid}.epoch`.
 */
export async function mintFirebaseToken(deps: Pick<AuthDeps, 'firebase' | 'db'>, p: MobileUser) {
  if (!deps.firebase) throw new AppError('PROVIDER_NOT_CONFIGURED', 'Token Firebase belum tersedia');
  const uid = firebaseUid(p.userType, p.userId);
  const epoch = (await firestoreEpochOf(deps.db, p.userType, p.userId)) ?? 0;
  const { token, expiresAt } = await deps.firebase.mint(uid, { user_type: p.userType, epoch });
  return { firebase_token: token, uid, expires_at: expiresAt.toISOString() };
}
