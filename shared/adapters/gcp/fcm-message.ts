import type { TokenMessage } from 'firebase-admin/messaging';
import type { PushMessage } from '../../ports/push';

/** The Android channel of every alert: the branded sound (seed 001). */
export const ANDROID_CHANNEL_ID = 'halobestie_chat_v2';
/** FCM keeps an undelivered message at most 28 days (FCM "Set the lifespan of a message"). */
const MAX_TTL_MS = 2_419_200_000;

/**
 * The firebase-admin message for one push, per SPEC §12 (field names as the Admin SDK's Message type
 * spells them; the SDK renames them for the wire). An alert is a notification message: the system draws
 * it, so it carries the channel, tag and thread. A background push is a data message: no `notification`
 * and no `android.notification` (either would make the system draw it and skip the app's handler), and
 * APNs priority 5 (FCM refuses an Apple data message at 10). `now` fixes the remaining ttl.
 */
export function buildFcmMessage(m: PushMessage, now: Date = new Date()): TokenMessage {
  const expiry = m.expiresAt === undefined ? undefined : Date.parse(m.expiresAt);
  const ttl =
    expiry === undefined
      ? {}
      : { ttl: Math.min(MAX_TTL_MS, Math.max(0, Math.floor((expiry - now.getTime()) / 1000) * 1000)) };
  const apnsExpiration: Record<string, string> =
    expiry === undefined ? {} : { 'apns-expiration': String(Math.floor(expiry / 1000)) };
  if (m.kind === 'alert') {
    return {
      token: m.token,
      data: m.data,
      notification: m.notification,
      android: { priority: 'high', ...ttl, notification: { channelId: ANDROID_CHANNEL_ID, tag: m.thread } },
      apns: {
        headers: { 'apns-priority': '10', 'apns-push-type': 'alert', ...apnsExpiration },
        payload: { aps: { sound: 'default', threadId: m.thread } },
      },
    };
  }
  return {
    token: m.token,
    data: m.data,
    android: { priority: m.urgent ? 'high' : 'normal', ...ttl },
    apns: {
      headers: { 'apns-priority': '5', 'apns-push-type': 'background', ...apnsExpiration },
      payload: { aps: { contentAvailable: true } },
    },
  };
}
