import { createPrivateKey, createPublicKey } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKeyPem } from '../../../scripts/local/dev-keys';
import { bearer, createGuest, signInActiveMitra, ccLogin } from '../../helpers/auth';
import { json } from '../../helpers/http';
import { createTestStack, testSigningKey, type TestStack } from '../../helpers/runtime';

let s: TestStack;
beforeAll(async () => {
  s = await createTestStack();
});
afterAll(() => s.close());

const me = (token: string, path = '/api/client/auth/me') => s.request(path, { headers: bearer(token) });

describe('access tokens', () => {
  it('anonymous sign-in creates a guest with a generated name and a JWT with sub, user_type, session_id, iat, exp, iss and kid', async () => {
    const guest = await createGuest(s);
    expect(guest.profile.display_name).toMatch(/^Bestie \d{4}$/);
    expect(guest.profile.is_guest).toBe(true);
    expect(guest.token_type).toBe('Bearer');
    expect(guest.expires_in).toBe(3600);
    const claims = decodeJwt(guest.access_token);
    expect(claims).toMatchObject({ sub: guest.profile.id, user_type: 'customer', iss: s.rt.env.AUTH_ISSUER });
    expect(typeof claims.session_id).toBe('string');
    expect(claims.exp! - claims.iat!).toBe(3600);
    expect(decodeProtectedHeader(guest.access_token)).toMatchObject({ alg: 'ES256', kid: 'k1' });
    const jwks = await json(s.request('/.well-known/jwks.json'));
    expect(jwks.keys.map((k: { kid: string }) => k.kid)).toEqual(['k1']);
    expect(JSON.stringify(jwks)).not.toMatch(/"d":/);

    const named = await createGuest(s, 'Rina');
    expect(named.profile.display_name).toBe('Rina');
    expect((await s.request('/api/shared/auth/anonymous', { method: 'POST', json: { display_name: '' } })).status).toBe(
      400,
    );
    const emptyJson = await s.request('/api/shared/auth/anonymous', {
      method: 'POST',
      body: '',
      headers: { 'content-type': 'application/json', 'content-length': '0' },
    });
    expect(emptyJson.status).toBe(201);
    expect((await json(emptyJson)).profile.display_name).toMatch(/^Bestie \d{4}$/);
    expect(
      (
        await s.request('/api/shared/auth/anonymous', {
          method: 'POST',
          body: '{oops',
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(400);
  });

  it('401 AUTH_MISSING without a header, TOKEN_INVALID for garbage, 403 FORBIDDEN across user types', async () => {
    const guest = await createGuest(s);
    const mitra = await signInActiveMitra(s);
    expect((await json(s.request('/api/client/auth/me'))).error.code).toBe('AUTH_MISSING');
    const garbage = await me('not.a.jwt');
    expect(garbage.status).toBe(401);
    expect((await json(garbage)).error.code).toBe('TOKEN_INVALID');
    expect((await s.request('/api/client/auth/me', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
    expect((await me(guest.access_token)).status).toBe(200);
    expect((await me(mitra.access_token)).status).toBe(403);
    expect((await json(me(mitra.access_token))).error.code).toBe('FORBIDDEN');
    expect((await me(guest.access_token, '/api/mitra/auth/me')).status).toBe(403);
    expect((await me(mitra.access_token, '/api/mitra/auth/me')).status).toBe(200);
    expect((await me(guest.access_token, '/internal/auth/me')).status).toBe(403);
  });

  it('refuses alg none, HS256 signed with the public key (algorithm confusion), a foreign key with our kid and a wrong issuer', async () => {
    const guest = await createGuest(s);
    const claims = decodeJwt(guest.access_token);
    const none = new UnsecuredJWT({ ...claims }).encode();
    const publicPem = createPublicKey(createPrivateKey(testSigningKey()))
      .export({ type: 'spki', format: 'pem' })
      .toString();
    const hs = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .sign(new TextEncoder().encode(publicPem));
    const foreign = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .sign(createPrivateKey(generateSigningKeyPem()));
    const ourKey = createPrivateKey(testSigningKey());
    const wrongIssuer = await new SignJWT({ ...claims, iss: 'https://evil.example' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .sign(ourKey);
    const unknownKid = await new SignJWT({ ...claims }).setProtectedHeader({ alg: 'ES256', kid: 'zz' }).sign(ourKey);
    for (const token of [none, hs, foreign, wrongIssuer, unknownKid]) {
      const res = await me(token);
      expect(res.status).toBe(401);
      expect((await json(res)).error.code).toBe('TOKEN_INVALID');
    }
    const sameKeyOk = await new SignJWT({ ...claims }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).sign(ourKey);
    expect((await me(sameKeyOk)).status).toBe(200);
  });

  it('an expired token is 401 TOKEN_EXPIRED', async () => {
    const local = await createTestStack();
    try {
      const guest = await json(local.request('/api/shared/auth/anonymous', { method: 'POST', json: {} }));
      await local.rt.local!.advanceClock(3601);
      const res = await local.request('/api/client/auth/me', { headers: bearer(guest.access_token) });
      expect(res.status).toBe(401);
      expect((await json(res)).error.code).toBe('TOKEN_EXPIRED');
    } finally {
      await local.close();
    }
  });

  it('key rotation: tokens signed with the previous key stay valid; with the key removed they are refused', async () => {
    const oldKey = testSigningKey();
    const guest = await createGuest(s);
    const newKey = generateSigningKeyPem();
    const url = s.rt.env.DATABASE_URL;
    const rotated = await createTestStack({
      databaseUrl: url,
      env: {
        AUTH_SIGNING_KEY: newKey,
        AUTH_SIGNING_KEY_ID: 'k2',
        AUTH_SIGNING_KEY_PREVIOUS: oldKey,
        AUTH_SIGNING_KEY_PREVIOUS_ID: 'k1',
      },
    });
    const dropped = await createTestStack({
      databaseUrl: url,
      env: { AUTH_SIGNING_KEY: newKey, AUTH_SIGNING_KEY_ID: 'k2' },
    });
    try {
      expect((await rotated.request('/api/client/auth/me', { headers: bearer(guest.access_token) })).status).toBe(200);
      const fresh = await json(rotated.request('/api/shared/auth/anonymous', { method: 'POST', json: {} }));
      expect(decodeProtectedHeader(fresh.access_token).kid).toBe('k2');
      const jwks = await json(rotated.request('/.well-known/jwks.json'));
      expect(jwks.keys.map((k: { kid: string }) => k.kid)).toEqual(['k2', 'k1']);
      expect((await dropped.request('/api/client/auth/me', { headers: bearer(guest.access_token) })).status).toBe(401);
    } finally {
      await rotated.close();
      await dropped.close();
    }
  });
});

describe('refresh tokens and sessions', () => {
  const refresh = (token: string, headers: Record<string, string> = {}, clientIp?: string) =>
    s.request('/api/shared/auth/refresh', { method: 'POST', json: { refresh_token: token }, headers, clientIp });

  it('rotates on use; the session id survives; the old token is then refused', async () => {
    const guest = await createGuest(s);
    const res = await refresh(guest.refresh_token);
    expect(res.status).toBe(200);
    const next = await json(res);
    expect(next.refresh_token).not.toBe(guest.refresh_token);
    expect(decodeJwt(next.access_token).session_id).toBe(decodeJwt(guest.access_token).session_id);
    const again = await refresh(guest.refresh_token);
    expect(again.status).toBe(401);
    expect((await json(again)).error.code).toBe('REFRESH_INVALID');
    expect((await refresh('unknown-token')).status).toBe(401);
    expect((await s.request('/api/shared/auth/refresh', { method: 'POST', json: {} })).status).toBe(400);
  });

  it('8 parallel refreshes with one token: exactly one 200; within the grace the winner’s session lives on', async () => {
    const guest = await createGuest(s);
    const results = await Promise.all(Array.from({ length: 8 }, () => refresh(guest.refresh_token)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 401, 401, 401, 401, 401, 401, 401]);
    const winner = await json(results.find((r) => r.status === 200)!);
    expect((await refresh(winner.refresh_token)).status).toBe(200);
    const stored = await s.rt.db.query('SELECT count(*)::int n FROM auth_refresh_tokens WHERE session_id = $1', [
      decodeJwt(guest.access_token).session_id,
    ]);
    expect(stored.rows[0].n).toBe(3);
  });

  it('presenting an already-rotated token after the grace revokes the whole session (theft detection)', async () => {
    const guest = await createGuest(s);
    const stolen = guest.refresh_token;
    const legit = await json(refresh(stolen));
    await s.rt.local!.advanceClock(s.rt.env.REFRESH_REUSE_GRACE_SECONDS + 1);
    expect((await refresh(stolen)).status).toBe(401);
    const { rows } = await s.rt.db.query('SELECT revoked_reason FROM auth_sessions WHERE id = $1', [
      decodeJwt(guest.access_token).session_id,
    ]);
    expect(rows[0].revoked_reason).toBe('refresh_token_reuse');
    expect((await refresh(legit.refresh_token)).status).toBe(401);
    expect((await me(legit.access_token)).status).toBe(401);
  });

  it('logout revokes the session: refresh fails at once, and another instance refuses the access token within the lag', async () => {
    const guest = await createGuest(s);
    const other = await createTestStack({ databaseUrl: s.rt.env.DATABASE_URL });
    try {
      const otherMe = () => other.request('/api/client/auth/me', { headers: bearer(guest.access_token) });
      expect((await otherMe()).status).toBe(200); // warms the other instance's revocation cache
      const out = await s.request('/api/shared/auth/logout', { method: 'POST', headers: bearer(guest.access_token) });
      expect(out.status).toBe(204);
      expect((await me(guest.access_token)).status).toBe(401); // this instance knows at once
      expect((await refresh(guest.refresh_token)).status).toBe(401);
      await other.rt.local!.advanceClock(s.rt.env.REVOCATION_MAX_LAG_SECONDS);
      expect((await otherMe()).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('device_info keeps user agent and the client IP (the entry the LB appended, not what the caller sent), updated on refresh', async () => {
    const a = await json(
      s.request('/api/shared/auth/anonymous', {
        method: 'POST',
        json: {},
        headers: { 'user-agent': 'HaloBestie/1.0 (Android)', 'x-forwarded-for': '10.9.9.9' },
        clientIp: '203.0.113.5',
      }),
    );
    const sessionId = decodeJwt(a.access_token).session_id;
    let row = (await s.rt.db.query('SELECT device_info FROM auth_sessions WHERE id = $1', [sessionId])).rows[0];
    expect(row.device_info).toEqual({ user_agent: 'HaloBestie/1.0 (Android)', ip: '203.0.113.5' });
    await refresh(a.refresh_token, { 'user-agent': 'HaloBestie/1.1 (Android)' }, '198.51.100.7');
    row = (await s.rt.db.query('SELECT device_info FROM auth_sessions WHERE id = $1', [sessionId])).rows[0];
    expect(row.device_info).toEqual({ user_agent: 'HaloBestie/1.1 (Android)', ip: '198.51.100.7' });
  });

  it('control-center refresh tokens are refused on the mobile route (and stay valid on their own route); mobile ones on the CC route', async () => {
    const login = await ccLogin(s);
    const cookie = login.headers.get('set-cookie')!;
    const token = /cc_refresh_token=([^;]+)/.exec(cookie)![1]!;
    expect((await refresh(token)).status).toBe(401);
    expect(
      (await s.request('/internal/auth/refresh', { method: 'POST', headers: { cookie: `cc_refresh_token=${token}` } }))
        .status,
    ).toBe(200);
    const guest = await createGuest(s);
    expect(
      (
        await s.request('/internal/auth/refresh', {
          method: 'POST',
          headers: { cookie: `cc_refresh_token=${guest.refresh_token}` },
        })
      ).status,
    ).toBe(401);
    expect((await refresh(guest.refresh_token)).status).toBe(200);
  });
});
