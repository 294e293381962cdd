import { expect } from 'vitest';
import { authGuards, refreshPolicy } from '../../shared/auth/guards';
import { createAuthSession } from '../../shared/auth/refresh-sessions';
import type { TestStack } from './runtime';
import { json } from './http';

let phoneCounter = 0;
/** A unique, valid Indonesian mobile number per call (08xx form). */
export function uniquePhone(): string {
  phoneCounter++;
  const n = String((process.pid * 7919 + phoneCounter * 104729 + Date.now()) % 100_000_000).padStart(8, '0');
  return `0812${n}`;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

let addressCounter = 0;
/**
 * A client address of its own per call (10.x.y.z): SPEC §13 allows 20 guest sign-ups an hour per
 * address, and fixtures are not what those limits are about.
 */
export function uniqueClientIp(): string {
  const n = ++addressCounter;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export async function createGuest(s: TestStack, displayName?: string) {
  const res = await s.request('/api/shared/auth/anonymous', {
    method: 'POST',
    json: displayName ? { display_name: displayName } : {},
    clientIp: uniqueClientIp(),
  });
  expect(res.status).toBe(201);
  return json(res);
}

export async function requestOtp(s: TestStack, kind: 'client' | 'mitra', phone: string, ip = '203.0.113.10') {
  return s.request(`/api/${kind}/auth/otp/request`, { method: 'POST', json: { phone }, clientIp: ip });
}

export async function otpCode(s: TestStack, otpRequestId: string): Promise<string> {
  const res = await s.request(`/internal/_test/otp/${otpRequestId}`);
  expect(res.status).toBe(200);
  return (await json(res)).code;
}

/** Full OTP sign-in; returns the verify response (status + body). */
export async function otpSignIn(
  s: TestStack,
  kind: 'client' | 'mitra',
  phone: string,
  extra: { anonymous_customer_id?: string; token?: string; ip?: string } = {},
) {
  const req = await requestOtp(s, kind, phone, extra.ip ?? `198.51.100.${Math.floor(Math.random() * 250)}`);
  expect(req.status).toBe(200);
  const { otp_request_id } = await json(req);
  const code = await otpCode(s, otp_request_id);
  const body: Record<string, string> = { otp_request_id, code };
  if (extra.anonymous_customer_id) body.anonymous_customer_id = extra.anonymous_customer_id;
  const res = await s.request(`/api/${kind}/auth/otp/verify`, {
    method: 'POST',
    json: body,
    headers: extra.token ? bearer(extra.token) : {},
  });
  return { status: res.status, body: await json(res), otp_request_id, code };
}

/** An active mitra signed in through the real OTP flow. */
export async function signInActiveMitra(s: TestStack, phone = uniquePhone()) {
  const first = await otpSignIn(s, 'mitra', phone);
  expect(first.status).toBe(403);
  await s.rt.db.query('UPDATE mitras SET is_active = true WHERE phone = $1', [normalise(phone)]);
  await s.rt.local!.advanceClock(61);
  const second = await otpSignIn(s, 'mitra', phone);
  expect(second.status).toBe(200);
  return second.body;
}

export async function ccLogin(s: TestStack, email = 'admin@halobestie.local', password = 'admin123') {
  return s.request('/internal/auth/login', { method: 'POST', json: { email, password } });
}

export const normalise = (phone08: string) => `+62${phone08.slice(1)}`;

/** A fresh access token for an existing user (a new auth session), for tests that move the clock past a day. */
export async function freshToken(s: TestStack, userType: 'customer' | 'mitra', userId: string): Promise<string> {
  const { sessionId } = await createAuthSession(
    s.rt.db,
    userType,
    userId,
    {},
    s.rt.clock.now(),
    refreshPolicy(s.rt.env),
  );
  return authGuards(s.rt).accessTokens.sign({ userId, userType, sessionId });
}
