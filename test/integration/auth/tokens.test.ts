import { createPrivateKey, createPublicKey } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKeyPem } from '../../../scripts/local/dev-keys';
import type { Queryable } from '../../../shared/db/pool';
import { refreshPolicy } from '../../../shared/auth/guards';
import { revokeByRefreshToken, rotateRefreshToken } from '../../../shared/auth/refresh-sessions';
import { revokeAuthSession, revokeUserSessions } from '../../../shared/auth/repo/auth-sessions';
import { bearer, createGuest, signInActiveMitra, ccLogin } from '../../helpers/auth';
import { expectError, json } from '../../helpers/http';
import { createTestStack, testSigningKey, type TestStack } from '../../helpers/runtime';

let s: TestStack;
beforeAll(async () => {
  s = await createTestStack({ captureLogs: true });
});
afterAll(() => s.close());

const me = (token: string, path = '/api/client/auth/me') => s.request(path, { headers: bearer(token) });
/** The `me` route of the token's user type. */
const meOf = (token: string) => (decodeJwt(token).user_type === 'mitra' ? '/api/mitra/auth/me' : '/api/client/auth/me');

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
    const withHeader = (authorization: string) => s.request('/api/client/auth/me', { headers: { authorization } });
    await expectError(withHeader('Basic abc'), 401, 'TOKEN_INVALID');
    // Exactly "Bearer <token>": no prefix before it, nothing after it; the scheme in any case, any spacing.
    await expectError(withHeader(`xBearer ${guest.access_token}`), 401, 'TOKEN_INVALID');
    await expectError(withHeader(`Bearer ${guest.access_token} trailing`), 401, 'TOKEN_INVALID');
    expect((await withHeader(`bearer  ${guest.access_token}`)).status).toBe(200);
    expect((await me(guest.access_token)).status).toBe(200);
    expect((await me(mitra.access_token)).status).toBe(403);
    expect((await json(me(mitra.access_token))).error.code).toBe('FORBIDDEN');
    expect((await me(guest.access_token, '/api/mitra/auth/me')).status).toBe(403);
    expect((await me(mitra.access_token, '/api/mitra/auth/me')).status).toBe(200);
    expect((await me(guest.access_token, '/internal/auth/me')).status).toBe(403);
    // The shared routes take either mobile user, and only them.
    const cc = (await json(ccLogin(s))).access_token;
    const putDevice = (token: string) =>
      s.request('/api/shared/device-token', {
        method: 'PUT',
        json: { fcm_token: 'fcm-shared', device_id: 'phone-shared', platform: 'android' },
        headers: bearer(token),
      });
    expect((await putDevice(guest.access_token)).status).toBe(204);
    expect((await putDevice(mitra.access_token)).status).toBe(204);
    await expectError(putDevice(cc), 403, 'FORBIDDEN');
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
    expect((await me(legit.access_token)).status).toBe(200); // this instance's revocation cache is fresh
    await expectError(refresh(stolen), 401, 'REFRESH_INVALID');
    const sessionId = decodeJwt(guest.access_token).session_id;
    const { rows } = await s.rt.db.query('SELECT revoked_reason FROM auth_sessions WHERE id = $1', [sessionId]);
    expect(rows[0].revoked_reason).toBe('refresh_token_reuse');
    expect((await me(legit.access_token)).status).toBe(401); // at once, not after the revocation lag
    expect((await refresh(legit.refresh_token)).status).toBe(401);
    expect(s.logs.filter((l) => l.message === 'refresh token reuse: session revoked')).toEqual([
      expect.objectContaining({ severity: 'WARNING', auth_session_id: sessionId }),
    ]);
  });

  it('reuse is theft only past the grace, to the millisecond; a session is refreshable until its expiry, exclusive', async () => {
    const policy = refreshPolicy(s.rt.env);
    const guest = await createGuest(s);
    const sessionId = decodeJwt(guest.access_token).session_id as string;
    const { rows } = await s.rt.db.query('SELECT expires_at FROM auth_sessions WHERE id = $1', [sessionId]);
    const expiresAt: Date = rows[0].expires_at;
    const rotateAt = (token: string, at: Date) => rotateRefreshToken(s.rt.db, token, {}, at, policy);
    await expect(rotateAt(guest.refresh_token, expiresAt)).rejects.toMatchObject({ code: 'REFRESH_INVALID' });
    const t0 = new Date(expiresAt.getTime() - 60_000);
    const next = await rotateAt(guest.refresh_token, t0);
    expect(next.sessionId).toBe(sessionId);
    const revoked = async () =>
      (await s.rt.db.query('SELECT revoked_reason FROM auth_sessions WHERE id = $1', [sessionId])).rows[0]
        .revoked_reason;
    const grace = policy.reuseGraceSeconds * 1000;
    await expect(rotateAt(guest.refresh_token, new Date(t0.getTime() + grace))).rejects.toMatchObject({
      code: 'REFRESH_INVALID',
    });
    expect(await revoked()).toBeNull(); // a retry or a lost race, not theft
    await expect(rotateAt(guest.refresh_token, new Date(t0.getTime() + grace + 1))).rejects.toMatchObject({
      code: 'REFRESH_INVALID',
    });
    expect(await revoked()).toBe('refresh_token_reuse');
  });

  it('revoking by refresh token (logout): a known token ends its session; an unknown one is looked up and nothing written', async () => {
    let statements = 0;
    const q = {
      query: (...a: unknown[]) => (statements++, (s.rt.db.query as (...x: unknown[]) => unknown)(...a)),
    } as unknown as Queryable;
    const now = s.rt.clock.now();
    expect(await revokeByRefreshToken(q, 'never-issued', now)).toBeUndefined();
    expect(statements).toBe(1);
    const guest = await createGuest(s);
    const sessionId = decodeJwt(guest.access_token).session_id as string;
    expect(await revokeByRefreshToken(q, guest.refresh_token, now)).toBe(sessionId);
    expect(statements).toBe(3);
    const { rows } = await s.rt.db.query('SELECT revoked_reason FROM auth_sessions WHERE id = $1', [sessionId]);
    expect(rows[0].revoked_reason).toBe('logout');
  });

  it('a session an operator revoked explains itself: deactivated mitra 403 ACCOUNT_INACTIVE, banned customer 403 ACCOUNT_BANNED', async () => {
    const mitra = await signInActiveMitra(s);
    const customer = await createGuest(s);
    const plain = await createGuest(s);
    const now = s.rt.clock.now();
    await revokeUserSessions(s.rt.db, 'mitra', mitra.profile.id, 'mitra_deactivated', now);
    await revokeUserSessions(s.rt.db, 'customer', customer.profile.id, 'customer_banned', now);
    await revokeUserSessions(s.rt.db, 'customer', plain.profile.id, 'logout', now);
    await expectError(refresh(mitra.refresh_token), 403, 'ACCOUNT_INACTIVE');
    await expectError(refresh(customer.refresh_token), 403, 'ACCOUNT_BANNED');
    await expectError(refresh(plain.refresh_token), 401, 'REFRESH_INVALID');
  });

  it('a mitra deactivated or a customer banned since their last refresh: refused, and that session ends at once', async () => {
    const mitra = await signInActiveMitra(s);
    const customer = await createGuest(s);
    for (const t of [mitra.access_token, customer.access_token]) expect((await me(t, meOf(t))).status).toBe(200);
    await s.rt.db.query('UPDATE mitras SET is_active = false WHERE id = $1', [mitra.profile.id]);
    await s.rt.db.query('UPDATE customers SET is_banned = true WHERE id = $1', [customer.profile.id]);
    await expectError(refresh(mitra.refresh_token), 403, 'ACCOUNT_INACTIVE');
    await expectError(refresh(customer.refresh_token), 403, 'ACCOUNT_BANNED');
    const ended = [
      [mitra.access_token, 'mitra_deactivated'],
      [customer.access_token, 'customer_banned'],
    ] as const;
    for (const [t, why] of ended) {
      expect((await me(t, meOf(t))).status).toBe(401);
      const reason = await s.rt.db.query('SELECT revoked_reason FROM auth_sessions WHERE id = $1', [
        decodeJwt(t).session_id,
      ]);
      expect(reason.rows[0].revoked_reason).toBe(why);
    }
  });

  it('revoking a session says whether it did', async () => {
    const guest = await createGuest(s);
    const sessionId = decodeJwt(guest.access_token).session_id as string;
    expect(await revokeAuthSession(s.rt.db, sessionId, 'logout', s.rt.clock.now())).toBe(true);
    expect(await revokeAuthSession(s.rt.db, sessionId, 'logout', s.rt.clock.now())).toBe(false);
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
    // A user agent is kept to its first 300 characters.
    const b = await json(s.request('/api/shared/auth/anonymous', { method: 'POST', json: {} }));
    await refresh(b.refresh_token, { 'user-agent': `HaloBestie/${'x'.repeat(400)}` });
    const long = await s.rt.db.query("SELECT device_info->>'user_agent' AS ua FROM auth_sessions WHERE id = $1", [
      decodeJwt(b.access_token).session_id,
    ]);
    expect(long.rows[0].ua).toBe(`HaloBestie/${'x'.repeat(400)}`.slice(0, 300));
  });

  it('control-center refresh tokens are refused on the mobile route (and stay valid on their own route); mobile ones on the CC route', async () => {
    const login = await ccLogin(s);
    const cookie = login.headers.get('set-cookie')!;
    const token = /cc_refresh_token=([^;]+)/.exec(cookie)![1]!;
    expect((await refresh(token)).status).toBe(401);
    const ccRefresh = await s.request('/internal/auth/refresh', {
      method: 'POST',
      headers: { cookie: `cc_refresh_token=${token}` },
    });
    expect(ccRefresh.status).toBe(200);
    // The rotated access token keeps the operator's role: permission checks still pass with it.
    const dashboard = await s.request('/internal/dashboard', { headers: bearer((await json(ccRefresh)).access_token) });
    expect(dashboard.status).toBe(200);
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
