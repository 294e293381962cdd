import type { Db, Queryable } from '../../db/pool';
import { tx } from '../../db/tx';

export interface DeviceTokenInput {
  userType: 'customer' | 'mitra';
  userId: string;
  deviceId: string;
  fcmToken: string;
  platform: 'android' | 'ios';
}

export interface DeviceTokenRow {
  user_type: 'customer' | 'mitra';
  user_id: string;
  device_id: string;
  fcm_token: string;
  platform: 'android' | 'ios';
  updated_at: Date;
}

/** device_tokens: every column, in one list; pushes read the projection below. */
const COLUMNS = [
  'user_type',
  'user_id',
  'device_id',
  'fcm_token',
  'platform',
  'updated_at',
] as const satisfies readonly (keyof DeviceTokenRow)[];
/** What a push is addressed with. */
const TARGET = ['user_id', 'fcm_token', 'device_id'] as const satisfies readonly (typeof COLUMNS)[number][];
export type PushTarget = Pick<DeviceTokenRow, (typeof TARGET)[number]>;

const RACE_CODES = new Set(['23505', '40P01']); // unique violation, deadlock
const MAX_ATTEMPTS = 3;

/**
 * Upserts per (user, device); a token that moved to another user or device leaves its old row. Two
 * registrations of one fcm_token are serialised by a lock on the token (both unique keys are then
 * settled in order); a deadlock with an unrelated key is retried.
 */
export async function upsertDeviceToken(db: Db, t: DeviceTokenInput, now: Date): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await tx(db, async (c) => {
        await c.query("SELECT pg_advisory_xact_lock(hashtext('fcm-token:' || $1))", [t.fcmToken]);
        await c.query(
          'DELETE FROM device_tokens WHERE fcm_token = $1 AND NOT (user_type = $2 AND user_id = $3 AND device_id = $4)',
          [t.fcmToken, t.userType, t.userId, t.deviceId],
        );
        await c.query(
          `INSERT INTO device_tokens (${COLUMNS.join(', ')}) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (user_type, user_id, device_id) DO UPDATE SET fcm_token = EXCLUDED.fcm_token, platform = EXCLUDED.platform, updated_at = EXCLUDED.updated_at`,
          [t.userType, t.userId, t.deviceId, t.fcmToken, t.platform, now],
        );
      });
      return;
    } catch (err) {
      if (attempt >= MAX_ATTEMPTS || !RACE_CODES.has((err as { code?: string }).code ?? '')) throw err;
    }
  }
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

/** Every device of a user (account deletion): nothing is pushed to them again. */
export async function deleteDeviceTokensOf(q: Queryable, userType: 'customer' | 'mitra', userId: string) {
  const res = await q.query('DELETE FROM device_tokens WHERE user_type = $1 AND user_id = $2', [userType, userId]);
  return res.rowCount ?? 0;
}

/** FCM reported the token as unregistered: forget it. */
export async function deleteUnregisteredToken(q: Queryable, fcmToken: string): Promise<void> {
  await q.query('DELETE FROM device_tokens WHERE fcm_token = $1', [fcmToken]);
}

export async function deviceTokensOf(
  q: Queryable,
  userType: 'customer' | 'mitra',
  userIds: string[],
): Promise<PushTarget[]> {
  if (userIds.length === 0) return [];
  const { rows } = await q.query<PushTarget>(
    `SELECT ${TARGET.join(', ')} FROM device_tokens WHERE user_type = $1 AND user_id = ANY($2::uuid[]) ORDER BY user_id, device_id`,
    [userType, userIds],
  );
  return rows;
}
