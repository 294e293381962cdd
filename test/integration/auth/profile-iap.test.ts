import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, ccLogin, createGuest, otpSignIn, uniquePhone } from '../../helpers/auth';
import { json } from '../../helpers/http';
import { createTestStack, type TestStack } from '../../helpers/runtime';
import { fakeIap } from '../../helpers/jwks-server';

let s: TestStack;
beforeAll(async () => {
  s = await createTestStack();
});
afterAll(() => s.close());

describe('customer profile and multi-device sessions', () => {
  it('PATCH /api/client/auth/profile renames; bad names are 400; mitra tokens 403', async () => {
    const guest = await createGuest(s);
    const patch = (token: string, body: unknown) =>
      s.request('/api/client/auth/profile', { method: 'PATCH', json: body, headers: bearer(token) });
    const res = await patch(guest.access_token, { display_name: '  Putri  ' });
    expect(res.status).toBe(200);
    expect((await json(res)).display_name).toBe('Putri');
    expect((await patch(guest.access_token, { display_name: '' })).status).toBe(400);
    expect((await patch(guest.access_token, { display_name: 'x'.repeat(51) })).status).toBe(400);
    expect((await patch(guest.access_token, {})).status).toBe(400);
  });

  it('two sign-ins are two sessions; logging out of one leaves the other', async () => {
    const phone = uniquePhone();
    const a = (await otpSignIn(s, 'client', phone)).body;
    await s.rt.local!.advanceClock(61);
    const b = (await otpSignIn(s, 'client', phone)).body;
    expect(a.profile.id).toBe(b.profile.id);
    const { rows } = await s.rt.db.query('SELECT count(*)::int n FROM auth_sessions WHERE user_id = $1', [
      a.profile.id,
    ]);
    expect(rows[0].n).toBe(2);
    expect(
      (await s.request('/api/shared/auth/logout', { method: 'POST', headers: bearer(a.access_token) })).status,
    ).toBe(204);
    expect((await s.request('/api/client/auth/me', { headers: bearer(b.access_token) })).status).toBe(200);
    expect(
      (await s.request('/api/shared/auth/refresh', { method: 'POST', json: { refresh_token: b.refresh_token } }))
        .status,
    ).toBe(200);
  });
});

describe('IAP in front of /internal/*', () => {
  it('with IAP_AUDIENCE set, /internal/* needs a valid x-goog-iap-jwt-assertion as well as the CC token', async () => {
    const signer = await fakeIap();
    const aud = '/projects/123/global/backendServices/456';
    const iap = await createTestStack({
      databaseUrl: s.rt.env.DATABASE_URL,
      env: { IAP_AUDIENCE: aud, IAP_JWKS_URL: signer.jwksUrl },
    });
    try {
      const { assertion } = signer;
      const body = { email: 'admin@halobestie.local', password: 'admin123' };
      const without = await iap.request('/internal/auth/login', { method: 'POST', json: body });
      expect(without.status).toBe(401);
      expect((await json(without)).error.code).toBe('IAP_REQUIRED');
      expect(
        (
          await iap.request('/internal/auth/login', {
            method: 'POST',
            json: body,
            headers: { 'x-goog-iap-jwt-assertion': await assertion('/other') },
          })
        ).status,
      ).toBe(401);
      const ok = await iap.request('/internal/auth/login', {
        method: 'POST',
        json: body,
        headers: { 'x-goog-iap-jwt-assertion': await assertion(aud) },
      });
      expect(ok.status).toBe(200);
      expect((await iap.request('/api/shared/auth/anonymous', { method: 'POST' })).status).toBe(201);
      expect((await ccLogin(s)).status).toBe(200); // without IAP_AUDIENCE nothing changes
    } finally {
      await iap.close();
      await signer.close();
    }
  });
});
