import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREBASE_CUSTOM_TOKEN_AUDIENCE } from '../../../shared/auth/firebase-token';
import { effect } from '../../../shared/outbox';
import { enqueue } from '../../helpers/outbox';
import { buildPush } from '../../../shared/push';
import { bearer, ccLogin, createGuest, otpSignIn, signInActiveMitra } from '../../helpers/auth';
import { realtime, settle } from '../../helpers/pairing';
import { json } from '../../helpers/http';
import { createTestStack, type TestStack } from '../../helpers/runtime';

let s: TestStack;
beforeAll(async () => {
  s = await createTestStack();
});
afterAll(() => s.close());

const tokens = async (userId: string) =>
  (
    await s.rt.db.query(
      'SELECT device_id, fcm_token, platform FROM device_tokens WHERE user_id = $1 ORDER BY device_id',
      [userId],
    )
  ).rows;
const put = (token: string, body: object) =>
  s.request('/api/shared/device-token', { method: 'PUT', json: body, headers: bearer(token) });

describe('device tokens', () => {
  it('upsert per (user, device); a token that moves to another user leaves the old owner; DELETE removes', async () => {
    const a = await createGuest(s);
    const b = await createGuest(s);
    expect(
      (await put(a.access_token, { fcm_token: 'fcm-token-aaaaaaaa', device_id: 'phone-1', platform: 'android' }))
        .status,
    ).toBe(204);
    expect(
      (await put(a.access_token, { fcm_token: 'fcm-token-bbbbbbbb', device_id: 'phone-1', platform: 'android' }))
        .status,
    ).toBe(204);
    expect(await tokens(a.profile.id)).toEqual([
      { device_id: 'phone-1', fcm_token: 'fcm-token-bbbbbbbb', platform: 'android' },
    ]);
    await put(b.access_token, { fcm_token: 'fcm-token-bbbbbbbb', device_id: 'phone-9', platform: 'ios' });
    expect(await tokens(a.profile.id)).toEqual([]);
    expect(await tokens(b.profile.id)).toHaveLength(1);
    expect(
      (await put(b.access_token, { fcm_token: 'fcm-token-cccccccc', device_id: 'phone-9', platform: 'windows' }))
        .status,
    ).toBe(400);
    const del = await s.request('/api/shared/device-token', {
      method: 'DELETE',
      json: { device_id: 'phone-9' },
      headers: bearer(b.access_token),
    });
    expect(del.status).toBe(204);
    expect(await tokens(b.profile.id)).toEqual([]);
  });

  it('tokens FCM reports as unregistered are deleted', async () => {
    const m = await signInActiveMitra(s);
    await put(m.access_token, { fcm_token: 'unregistered-token-1', device_id: 'old-phone', platform: 'android' });
    await put(m.access_token, { fcm_token: 'fcm-token-good-1', device_id: 'new-phone', platform: 'android' });
    for (const t of await tokens(m.profile.id)) {
      await enqueue(
        s.rt.db,
        effect.push({
          ...buildPush('request_withdrawn', { request_id: 'r1', reason: 'taken' }),
          userId: m.profile.id,
          token: t.fcm_token,
        }),
      );
    }
    await s.rt.relay.drainAll();
    expect((await tokens(m.profile.id)).map((t: { device_id: string }) => t.device_id)).toEqual(['new-phone']);
  });

  it('control-center users cannot register device tokens', async () => {
    const cc = await json(ccLogin(s));
    expect(
      (await put(cc.access_token, { fcm_token: 'fcm-token-dddddddd', device_id: 'x', platform: 'ios' })).status,
    ).toBe(403);
  });
});

// The signature and the exact IAM signJwt request are unit-tested (test/unit/firebase-token.test.ts).
describe('Firebase custom token', () => {
  it('is RS256, for uid c_<id> / m_<id>, with the user_type and epoch claims, valid ≤ 1 h (made on first use)', async () => {
    const guest = await createGuest(s);
    const res = await s.request('/api/shared/auth/firebase-token', {
      method: 'POST',
      headers: bearer(guest.access_token),
    });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.uid).toBe(`c_${guest.profile.id}`);
    expect(decodeProtectedHeader(body.firebase_token).alg).toBe('RS256');
    const payload = decodeJwt(body.firebase_token);
    expect(payload).toMatchObject({
      iss: 'local-firebase@halobestie.invalid',
      sub: 'local-firebase@halobestie.invalid',
      aud: FIREBASE_CUSTOM_TOKEN_AUDIENCE,
      uid: `c_${guest.profile.id}`,
      claims: { user_type: 'customer', epoch: 0 },
    });
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(3600);
    expect(body.expires_at).toBe(new Date(payload.exp! * 1000).toISOString());

    const mitra = await signInActiveMitra(s);
    const m = await json(
      s.request('/api/shared/auth/firebase-token', { method: 'POST', headers: bearer(mitra.access_token) }),
    );
    expect(m.uid).toBe(`m_${mitra.profile.id}`);
    expect(decodeJwt(m.firebase_token).claims).toEqual({ user_type: 'mitra', epoch: 0 });
    expect((await s.request('/api/shared/auth/firebase-token', { method: 'POST' })).status).toBe(401);
  });
});

describe('Firestore access ends with the account (SPEC §13)', () => {
  const firebaseToken = async (accessToken: string) =>
    json(s.request('/api/shared/auth/firebase-token', { method: 'POST', headers: bearer(accessToken) }));
  const epochClaim = (body: { firebase_token: string }) =>
    (decodeJwt(body.firebase_token).claims as { epoch: number }).epoch;
  const userDoc = async (uid: string) => (await realtime(s, `users/${uid}`)).data;

  it('logging out of the last session bumps the epoch into users/{uid}; logging out of one of two does not', async () => {
    const mitra = await signInActiveMitra(s);
    await s.rt.local!.advanceClock(61);
    const second = (await otpSignIn(s, 'mitra', mitra.profile.phone)).body;
    const uid = `m_${mitra.profile.id}`;
    expect(epochClaim(await firebaseToken(mitra.access_token))).toBe(0);
    const logout = (token: string) => s.request('/api/shared/auth/logout', { method: 'POST', headers: bearer(token) });
    expect((await logout(second.access_token)).status).toBe(204);
    await settle(s);
    expect(await userDoc(uid)).toBeNull();
    expect((await logout(mitra.access_token)).status).toBe(204);
    await settle(s);
    expect(await userDoc(uid)).toEqual({ epoch: 1 });
    await s.rt.local!.advanceClock(3601); // past the phone's OTP limit for the hour
    const again = (await otpSignIn(s, 'mitra', mitra.profile.phone)).body;
    // A new sign-in gets a token with the new epoch: the rules let it read again.
    expect(epochClaim(await firebaseToken(again.access_token))).toBe(1);
  });

  it('a ban and a deactivation bump the epoch at once', async () => {
    const cc = await json(ccLogin(s));
    const guest = await createGuest(s);
    expect(
      (
        await s.request(`/internal/customers/${guest.profile.id}/ban`, {
          method: 'POST',
          json: { reason: 'spam' },
          headers: bearer(cc.access_token),
        })
      ).status,
    ).toBe(200);
    const mitra = await signInActiveMitra(s);
    expect(
      (
        await s.request(`/internal/mitras/${mitra.profile.id}`, {
          method: 'PATCH',
          json: { is_active: false },
          headers: bearer(cc.access_token),
        })
      ).status,
    ).toBe(200);
    await settle(s);
    expect(await userDoc(`c_${guest.profile.id}`)).toEqual({ epoch: 1 });
    expect(await userDoc(`m_${mitra.profile.id}`)).toEqual({ epoch: 1 });
  });
});
