import type { Queryable } from '../db/pool';

export interface DeviceTokenInput {
  userType: 'customer' | 'mitra';
  userId: string;
  deviceId: string;
  fcmToken: string;
  platform: 'android' | 'ios';
}

/** Upserts per (user, device); a token that moved to another user or device leaves its old row. */
export async function upsertDeviceToken(q: Queryable, t: DeviceTokenInput, now: Date): Promise<void> {
  await q.query(
    'DELETE FROM device_tokens WHERE fcm_token = $1 AND NOT (user_type = $2 AND user_id = $3 AND device_id = $4)',
    [t.fcmToken, t.userType, t.userId, t.deviceId],
  );
  await q.query(
    `INSERT INTO device_tokens (user_type, user_id, device_id, fcm_token, platform, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (user_type, user_id, device_id) DO UPDATE SET fcm_token = EXCLUDED.fcm_token, platform = EXCLUDED.platform, updated_at = EXCLUDED.updated_at`,
    [t.userType, t.userId, t.deviceId, t.fcmToken, t.platform, now],
  );
}

export async function deleteDeviceToken(
  q: Queryable,
  userType: string,
  userId: string,
  deviceId: string,
): Promise<boolean> {
  const res = await q.query('DELETE FROM device_tokens WHERE user_type = $1 AND user_id = $2 AND device_id = $3', [
    userType,
    userId,
    deviceId,
  ]);
  return (res.rowCount ?? 0) > 0;
}

/** FCM reported the token as unregistered: forget it. */
export async function deleteUnregisteredToken(q: Queryable, fcmToken: string): Promise<void> {
  await q.query('DELETE FROM device_tokens WHERE fcm_token = $1', [fcmToken]);
}

export async function deviceTokensOf(
  q: Queryable,
  userType: 'customer' | 'mitra',
  userIds: string[],
): Promise<Array<{ user_id: string; fcm_token: string; device_id: string }>> {
  if (userIds.length === 0) return [];
  const { rows } = await q.query<{ user_id: string; fcm_token: string; device_id: string }>(
    'SELECT user_id, fcm_token, device_id FROM device_tokens WHERE user_type = $1 AND user_id = ANY($2::uuid[]) ORDER BY user_id, device_id',
    [userType, userIds],
  );
  return rows;
}
