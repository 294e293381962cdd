import { generateKeyPairSync } from 'node:crypto';
import { decodeProtectedHeader, importSPKI, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREBASE_CUSTOM_TOKEN_AUDIENCE } from '../../../shared/auth/firebase-token';
import { enqueue, outbox } from '../../../shared/outbox/outbox';
import { buildPush } from '../../../shared/push/build';
import { bearer, ccLogin, createGuest, signInActiveMitra } from '../../helpers/auth';
import { json } from '../../helpers/http';
import { createTestStack, type TestStack } from '../../helpers/runtime';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const SA_EMAIL = 'firebase-adminsdk@halo-test.iam.gserviceaccount.com';
let s: TestStack;
beforeAll(async () => {
  s = await createTestStack({
    env: {
      FIREBASE_SERVICE_ACCOUNT_JSON: JSON.stringify({
        client_email: SA_EMAIL,
        private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }),
      }),
    },
  });
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
        outbox.push({
          ...buildPush('request_withdrawn', { request_id: 'r1', reason: 'taken' }),
          userId: m.profile.id,
          token: t.fcm_token,
        }),
      );
    }
    await s.rt.outbox.drainAll();
    expect((await tokens(m.profile.id)).map((t: { device_id: string }) => t.device_id)).toEqual(['new-phone']);
  });

  it('control-center users cannot register device tokens', async () => {
    const cc = await json(ccLogin(s));
    expect(
      (await put(cc.access_token, { fcm_token: 'fcm-token-dddddddd', device_id: 'x', platform: 'ios' })).status,
    ).toBe(403);
  });
});

describe('Firebase custom token', () => {
  it('is RS256, signed by the service account, for uid c_<id> with the user_type claim, valid ≤ 1 h', async () => {
    const guest = await createGuest(s);
    const res = await s.request('/api/shared/auth/firebase-token', {
      method: 'POST',
      headers: bearer(guest.access_token),
    });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.uid).toBe(`c_${guest.profile.id}`);
    expect(decodeProtectedHeader(body.firebase_token).alg).toBe('RS256');
    const key = await importSPKI(publicKey.export({ type: 'spki', format: 'pem' }).toString(), 'RS256');
    const { payload } = await jwtVerify(body.firebase_token, key, {
      issuer: SA_EMAIL,
      audience: FIREBASE_CUSTOM_TOKEN_AUDIENCE,
      currentDate: s.rt.clock.now(),
    });
    expect(payload).toMatchObject({ sub: SA_EMAIL, uid: `c_${guest.profile.id}`, claims: { user_type: 'customer' } });
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(3600);

    const mitra = await signInActiveMitra(s);
    const m = await json(
      s.request('/api/shared/auth/firebase-token', { method: 'POST', headers: bearer(mitra.access_token) }),
    );
    expect(m.uid).toBe(`m_${mitra.profile.id}`);
    expect((await s.request('/api/shared/auth/firebase-token', { method: 'POST' })).status).toBe(401);
  });

  it('outside production without a service account, a throwaway key (made on first use) signs', async () => {
    const local = await createTestStack({ databaseUrl: s.rt.env.DATABASE_URL });
    try {
      const guest = await json(local.request('/api/shared/auth/anonymous', { method: 'POST' }));
      const body = await json(
        local.request('/api/shared/auth/firebase-token', { method: 'POST', headers: bearer(guest.access_token) }),
      );
      expect(decodeProtectedHeader(body.firebase_token).alg).toBe('RS256');
      expect(body.uid).toBe(`c_${guest.profile.id}`);
    } finally {
      await local.close();
    }
  });
});
