import { expect } from 'vitest';
import { authGuards, refreshPolicy } from '../../shared/auth/guards';
import { createAuthSession } from '../../shared/auth/refresh-sessions';
import type { TestStack } from './runtime';
import { bearer, createGuest, otpSignIn, uniqueClientIp, uniquePhone } from './auth';
import { json } from './http';
import { validateWithFirebaseAdmin } from './fcm-validate';

export interface TestMitra {
  id: string;
  token: string;
}

/** An active mitra (seeded through the test route) with a real access token; online unless told otherwise. */
export async function onlineMitra(
  s: TestStack,
  opts: { online?: boolean; deviceToken?: boolean; name?: string } = {},
): Promise<TestMitra> {
  const seeded = await json(
    s.request('/internal/_test/seed-mitra', {
      method: 'POST',
      json: { phone: uniquePhone(), display_name: opts.name ?? 'Bestie Test', is_active: true },
    }),
  );
  const { sessionId } = await createAuthSession(
    s.rt.db,
    'mitra',
    seeded.mitra_id,
    {},
    s.rt.clock.now(),
    refreshPolicy(s.rt.env),
  );
  const token = await authGuards(s.rt).accessTokens.sign({ userId: seeded.mitra_id, userType: 'mitra', sessionId });
  if (opts.deviceToken ?? true) {
    const put = await s.request('/api/shared/device-token', {
      method: 'PUT',
      json: { fcm_token: `fcm-${seeded.mitra_id}`, device_id: 'phone-1', platform: 'android' },
      headers: bearer(token),
    });
    expect(put.status).toBe(204);
  }
  if (opts.online ?? true)
    expect((await s.request('/api/mitra/status/online', { method: 'POST', headers: bearer(token) })).status).toBe(200);
  return { id: seeded.mitra_id, token };
}

export interface TestCustomer {
  id: string;
  token: string;
  /** What its app sends as X-Device-Id (and registers its push token under). */
  deviceId: string;
}

/**
 * A guest with a push token on its own device; `verified` upgrades it through the real OTP flow (a
 * phone-verified customer, as SPEC §13's free trial asks by default).
 */
export async function customerWithDevice(s: TestStack, opts: { verified?: boolean } = {}): Promise<TestCustomer> {
  const guest = await createGuest(s);
  const deviceId = `device-${guest.profile.id}`;
  await s.request('/api/shared/device-token', {
    method: 'PUT',
    json: { fcm_token: `fcm-${guest.profile.id}`, device_id: deviceId, platform: 'ios' },
    headers: bearer(guest.access_token),
  });
  let token = guest.access_token as string;
  if (opts.verified) {
    const upgraded = await otpSignIn(s, 'client', uniquePhone(), {
      anonymous_customer_id: guest.profile.id,
      token,
      ip: uniqueClientIp(),
    });
    expect(upgraded.status).toBe(200);
    token = upgraded.body.access_token;
  }
  return { id: guest.profile.id as string, token, deviceId };
}

/** A free-trial request as the app sends it: its device id beside it (SPEC §13: once per device). */
export const freeTrialRequest = (
  s: TestStack,
  c: Pick<TestCustomer, 'token' | 'deviceId'>,
  topicSensitivity: 'regular' | 'sensitive' = 'regular',
) => chatRequest(s, c.token, { topic_sensitivity: topicSensitivity, free_trial: true }, { 'x-device-id': c.deviceId });

export function chatRequest(
  s: TestStack,
  token: string,
  body: Record<string, unknown> = { topic_sensitivity: 'regular', tier_id: 'tier_30' },
  headers: Record<string, string> = {},
) {
  return s.request('/api/client/chat/request', {
    method: 'POST',
    json: body,
    headers: { ...bearer(token), ...headers },
  });
}

export const accept = (s: TestStack, m: TestMitra, requestId: string) =>
  s.request(`/api/mitra/requests/${requestId}/accept`, { method: 'POST', headers: bearer(m.token) });

export async function realtime(s: TestStack, path: string) {
  return json(s.request(`/internal/_test/realtime?path=${encodeURIComponent(path)}`));
}

export interface RecordedPush {
  token: string;
  data: Record<string, string>;
  notification?: { title: string; body: string };
  android: { priority: string; ttl?: number; notification?: { channelId: string; tag: string } };
  apns: { headers: Record<string, string>; payload: { aps: Record<string, unknown> } };
}

/** The pushes recorded for a user, each first passed through firebase-admin's own message validation. */
export async function pushes(s: TestStack, userId: string): Promise<RecordedPush[]> {
  const { messages } = await json(s.request(`/internal/_test/push?user_id=${userId}`));
  for (const { message_id: _id, recorded_at: _at, ...message } of messages) validateWithFirebaseAdmin(message);
  return messages;
}

/** Lets the outbox relay and the local Pub/Sub / task dispatcher settle (clock not moved). */
export const settle = (s: TestStack) => s.rt.local!.advanceClock(0);
