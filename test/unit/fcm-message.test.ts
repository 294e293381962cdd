import { describe, expect, it } from 'vitest';
import { ANDROID_CHANNEL_ID, buildFcmMessage } from '../../shared/adapters/gcp/fcm-message';
import type { PushMessage } from '../../shared/ports/push';
import { buildPush } from '../../shared/push/build';
import { validateWithFirebaseAdmin } from '../helpers/fcm-validate';

/**
 * One test per rule of SPEC §12, each naming the provider documentation it follows. The messages are
 * firebase-admin Message objects (the SDK's camelCase names); `validateWithFirebaseAdmin` shows what the
 * SDK puts on the FCM v1 wire.
 */
const NOW = new Date('2030-01-01T00:00:00.000Z');
const to = { userId: 'u1', token: 'device-token-1' };
const session_id = 's-1';
const alert: PushMessage = { ...buildPush('paired', { session_id, mitra_name: 'Bestie Ayu' }), ...to };
const background: PushMessage = { ...buildPush('goodbye', { session_id, from: 'mitra' }), ...to };
const offer = (expiresAt: Date): PushMessage => ({
  ...buildPush('chat_request', {
    request_id: 'r-1',
    topic_sensitivity: 'regular',
    customer_name: 'Kupu Biru',
    expires_at: expiresAt,
  }),
  ...to,
});

describe('alert pushes', () => {
  it('carry notification {title, body} beside the data (FCM "Firebase Cloud Messaging message types": a notification message with an optional data payload)', () => {
    const m = buildFcmMessage(alert, NOW);
    expect(m.notification).toEqual({
      title: 'Bestie ditemukan',
      body: 'Bestie Ayu siap menemanimu curhat. Buka aplikasi untuk melanjutkan.',
    });
    expect(m.data).toEqual({ type: 'paired', session_id });
  });

  it('Android: priority high (FCM "Set the priority of a message": high is for time-sensitive, user-visible content)', () => {
    expect(buildFcmMessage(alert, NOW).android!.priority).toBe('high');
  });

  it('Android: channel halobestie_chat_v2 and tag = the session or request id (FCM v1 AndroidNotification: channel_id; tag replaces an existing notification with the same tag)', () => {
    const m = buildFcmMessage(alert, NOW);
    expect(m.android!.notification).toEqual({ channelId: ANDROID_CHANNEL_ID, tag: session_id });
    expect((validateWithFirebaseAdmin(m).android as { notification: unknown }).notification).toEqual({
      channel_id: 'halobestie_chat_v2',
      tag: session_id,
    });
  });

  it('iOS: apns-priority 10 and apns-push-type alert (Apple "Sending notification requests to APNs": 10 sends at once and must trigger an alert, sound or badge; push type alert for a notification that shows one)', () => {
    expect(buildFcmMessage(alert, NOW).apns!.headers).toEqual({ 'apns-priority': '10', 'apns-push-type': 'alert' });
  });

  it('iOS: aps.sound and aps.thread-id = the session or request id (Apple "Generating a remote notification": thread-id groups notifications)', () => {
    const m = buildFcmMessage(alert, NOW);
    expect(m.apns!.payload!.aps).toEqual({ sound: 'default', threadId: session_id });
    expect(validateWithFirebaseAdmin(m).apns).toMatchObject({
      payload: { aps: { sound: 'default', 'thread-id': session_id } },
    });
  });
});

describe('background pushes', () => {
  it('are data only: no notification and no android.notification (FCM "Firebase Cloud Messaging message types": data messages are handled by the app; a notification payload is drawn by the system instead)', () => {
    const m = buildFcmMessage(background, NOW);
    expect(m.data).toEqual({ type: 'goodbye', session_id, from: 'mitra' });
    expect(m).not.toHaveProperty('notification');
    expect(m.android).not.toHaveProperty('notification');
    const wire = validateWithFirebaseAdmin(m);
    expect(wire).not.toHaveProperty('notification');
    expect(wire.android).not.toHaveProperty('notification');
  });

  it('Android: priority high only when the app must react at once (FCM "Set the priority of a message": normal for syncing app data in the background)', () => {
    expect(buildFcmMessage(background, NOW).android!.priority).toBe('normal');
    const withdrawn = { ...buildPush('request_withdrawn', { request_id: 'r-1', reason: 'taken' }), ...to };
    expect(withdrawn.urgent).toBe(true);
    expect(buildFcmMessage(withdrawn, NOW).android!.priority).toBe('high');
  });

  it('iOS: apns-priority 5 (FCM "Set the priority of a message": a data message to Apple devices must use 5; at 10 FCM answers INVALID_ARGUMENT)', () => {
    expect(buildFcmMessage(background, NOW).apns!.headers!['apns-priority']).toBe('5');
  });

  it('iOS: apns-push-type background and aps.content-available 1, nothing else in aps (Apple "Pushing background updates to your app")', () => {
    const m = buildFcmMessage(background, NOW);
    expect(m.apns!.headers!['apns-push-type']).toBe('background');
    expect(validateWithFirebaseAdmin(m).apns).toEqual({
      headers: { 'apns-priority': '5', 'apns-push-type': 'background' },
      payload: { aps: { 'content-available': 1 } },
    });
  });
});

describe('expiring pushes', () => {
  it('Android ttl = the time left (FCM "Set the lifespan of a message": 0 to 2,419,200 s)', () => {
    const m = buildFcmMessage(offer(new Date(NOW.getTime() + 60_000)), NOW);
    expect(m.android!.ttl).toBe(60_000);
    expect((validateWithFirebaseAdmin(m).android as { ttl: string }).ttl).toBe('60s');
    expect(buildFcmMessage(offer(new Date(NOW.getTime() - 5_000)), NOW).android!.ttl).toBe(0);
    expect(buildFcmMessage(offer(new Date(NOW.getTime() + 40 * 86_400_000)), NOW).android!.ttl).toBe(2_419_200_000);
  });

  it('iOS apns-expiration = the expiry as UNIX seconds (Apple "Sending notification requests to APNs": apns-expiration)', () => {
    const expiresAt = new Date(NOW.getTime() + 60_500);
    const m = buildFcmMessage(offer(expiresAt), NOW);
    expect(m.apns!.headers!['apns-expiration']).toBe(String(Math.floor(expiresAt.getTime() / 1000)));
  });

  it('a push about nothing that expires carries neither (FCM keeps it up to four weeks by default)', () => {
    for (const m of [alert, background].map((p) => buildFcmMessage(p, NOW))) {
      expect(m.android).not.toHaveProperty('ttl');
      expect(m.apns!.headers).not.toHaveProperty('apns-expiration');
    }
  });
});
