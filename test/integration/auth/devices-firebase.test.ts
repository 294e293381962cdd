import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREBASE_CUSTOM_TOKEN_AUDIENCE } from '../../../shared/auth/firebase-token';
import { effect } from '../../../shared/outbox';
import { enqueue } from '../../helpers/outbox';
import { buildPush } from '../../../shared/push';
import { bearer, ccLogin, createGuest, signInActiveMitra } from '../../helpers/auth';
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
