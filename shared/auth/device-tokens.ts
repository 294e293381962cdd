import { enforceLimit } from '../limits';
import { deleteDeviceToken, upsertDeviceToken } from '../users';
import type { MobileUser } from './access-tokens';
import type { AuthDeps } from './deps';

/**
 * Registers the device's FCM token for the caller; a token moving to another user or device follows.
 * SPEC §13: 20 upserts an hour per user (a token churner would otherwise rewrite the table at will).
 */
export async function putDeviceToken(
  deps: Pick<AuthDeps, 'db' | 'clock' | 'config'>,
  p: MobileUser,
  input: { deviceId: string; fcmToken: string; platform: 'android' | 'ios' },
): Promise<void> {
  await enforceLimit(deps, 'device_token', p.userType, p.userId);
  await upsertDeviceToken(deps.db, { userType: p.userType, userId: p.userId, ...input }, deps.clock.now());
}

/** Idempotent: removing an unknown device is not an error. */
export async function removeDeviceToken(deps: Pick<AuthDeps, 'db'>, p: MobileUser, deviceId: string): Promise<void> {
  await deleteDeviceToken(deps.db, p.userType, p.userId, deviceId);
}
