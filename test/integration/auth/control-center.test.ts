import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../../../scripts/seed';
import { bearer, ccLogin, createGuest } from '../../helpers/auth';
import { json } from '../../helpers/http';
import { createTestStack, type TestStack } from '../../helpers/runtime';

let s: TestStack;
let adminToken: string;
beforeAll(async () => {
  s = await createTestStack();
  adminToken = (await json(ccLogin(s))).access_token;
});
afterAll(() => s.close());

let n = 0;
async function createUser(role = 'operator', password = 'Passw0rd!') {
  const email = `user${++n}-${Date.now()}@halobestie.local`;
  const res = await s.request('/internal/control-center-users', {
    method: 'POST',
    json: { email, password, display_name: `User ${n}`, role },
    headers: bearer(adminToken),
  });
  expect(res.status).toBe(201);
  return { ...(await json(res)), email, password };
}
const cookieOf = (res: Response) => /cc_refresh_token=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1];

describe('control-center login', () => {
  it('returns an access token, profile, role and permissions, and sets the refresh cookie HttpOnly; Secure; SameSite=Strict; Path=/internal/auth', async () => {
    const res = await ccLogin(s);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({
      token_type: 'Bearer',
      role: 'super_admin',
      profile: { email: 'admin@halobestie.local' },
    });
    expect(body.permissions).toEqual(expect.arrayContaining(['settings:update', 'control_center_users:create']));
    expect(body.refresh_token).toBeUndefined();
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^cc_refresh_token=[^;]+;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/internal\/auth/);
    expect(cookie).toMatch(/Max-Age=2592000/);
    const me = await json(s.request('/internal/auth/me', { headers: bearer(body.access_token) }));
    expect(me.permissions).toEqual(body.permissions);
  });

  it('unknown email and wrong password are indistinguishable: same 401 body, bcrypt time for both', async () => {
    const time = async (email: string) => {
      const t = performance.now();
      const res = await ccLogin(s, email, 'wrong-Passw0rd');
      return { ms: performance.now() - t, status: res.status, body: await res.text() };
    };
    const unknown = await time('nobody@halobestie.local');
    const wrong = await time('admin@halobestie.local');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    // Identical but for the request id each answer carries.
    const sansRequestId = (body: string) => ({ ...JSON.parse(body).error, request_id: undefined });
    expect(sansRequestId(unknown.body)).toEqual(sansRequestId(wrong.body));
    expect(JSON.parse(unknown.body).error.request_id).not.toBe(JSON.parse(wrong.body).error.request_id);
    expect(JSON.parse(unknown.body).error.code).toBe('INVALID_CREDENTIALS');
    // Same order of magnitude (both pay one cost-12 bcrypt compare); not a performance target.
    expect(Math.max(unknown.ms, wrong.ms) / Math.min(unknown.ms, wrong.ms)).toBeLessThan(10);
    expect(Math.min(unknown.ms, wrong.ms)).toBeGreaterThan(50);
  });

  it('the 5th consecutive failure locks for 15 min: 423 even with the right password; success afterwards resets the count', async () => {
    const u = await createUser();
    for (let i = 0; i < 5; i++) expect((await ccLogin(s, u.email, 'Wrong0000')).status).toBe(401);
    const locked = await ccLogin(s, u.email, u.password);
    expect(locked.status).toBe(423);
    expect((await json(locked)).error.code).toBe('ACCOUNT_LOCKED');
    await s.rt.local!.advanceClock(15 * 60 + 1);
    expect((await ccLogin(s, u.email, u.password)).status).toBe(200);
    const { rows } = await s.rt.db.query(
      'SELECT failed_login_count, lockout_until FROM control_center_users WHERE id = $1',
      [u.id],
    );
    expect(rows[0]).toEqual({ failed_login_count: 0, lockout_until: null });
  });

  it('refresh rotates the cookie; logout revokes and clears it', async () => {
    const login = await ccLogin(s);
    const first = cookieOf(login)!;
    const refreshed = await s.request('/internal/auth/refresh', {
      method: 'POST',
      headers: { cookie: `cc_refresh_token=${first}` },
    });
    expect(refreshed.status).toBe(200);
    const second = cookieOf(refreshed)!;
    expect(second).not.toBe(first);
    const { access_token } = await json(refreshed);
    expect((await s.request('/internal/auth/me', { headers: bearer(access_token) })).status).toBe(200);
    expect((await s.request('/internal/auth/refresh', { method: 'POST' })).status).toBe(401);

    const out = await s.request('/internal/auth/logout', {
      method: 'POST',
      headers: { ...bearer(access_token), cookie: `cc_refresh_token=${second}` },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/cc_refresh_token=;.*Max-Age=0/);
    expect(
      (await s.request('/internal/auth/refresh', { method: 'POST', headers: { cookie: `cc_refresh_token=${second}` } }))
        .status,
    ).toBe(401);
    expect((await s.request('/internal/auth/me', { headers: bearer(access_token) })).status).toBe(401);
  });

  it('logout with the cookie alone (the app lost its access token) ends that session at once; an unknown cookie is fine', async () => {
    const login = await ccLogin(s);
    const cookie = cookieOf(login)!;
    const { access_token } = await json(login);
    expect((await s.request('/internal/auth/me', { headers: bearer(access_token) })).status).toBe(200);
    const out = await s.request('/internal/auth/logout', {
      method: 'POST',
      headers: { cookie: `cc_refresh_token=${cookie}` },
    });
    expect(out.status).toBe(204);
    expect((await s.request('/internal/auth/me', { headers: bearer(access_token) })).status).toBe(401);
    const { rows } = await s.rt.db.query('SELECT revoked_reason FROM auth_sessions WHERE id = $1', [
      decodeJwt(access_token).session_id,
    ]);
    expect(rows[0].revoked_reason).toBe('logout');
    const unknown = await s.request('/internal/auth/logout', {
      method: 'POST',
      headers: { cookie: 'cc_refresh_token=never-issued' },
    });
    expect(unknown.status).toBe(204);
  });

  it('logout with the access token alone ends that session (no cookie needed)', async () => {
    const login = await ccLogin(s);
    const cookie = cookieOf(login)!;
    const { access_token } = await json(login);
    expect((await s.request('/internal/auth/logout', { method: 'POST', headers: bearer(access_token) })).status).toBe(
      204,
    );
    expect((await s.request('/internal/auth/me', { headers: bearer(access_token) })).status).toBe(401);
    const refresh = await s.request('/internal/auth/refresh', {
      method: 'POST',
      headers: { cookie: `cc_refresh_token=${cookie}` },
    });
    expect(refresh.status).toBe(401);
  });
});

describe('the cookie routes refuse another site (CSRF)', () => {
  it('logout, refresh and login: a foreign Origin or Sec-Fetch-Site cross-site → 403 and the session lives on; the own host passes', async () => {
    const login = await ccLogin(s);
    const cookie = `cc_refresh_token=${cookieOf(login)!}`;
    const post = (path: string, headers: Record<string, string>) =>
      s.request(path, { method: 'POST', headers: { cookie, ...headers } });
    const foreigns: Array<Record<string, string>> = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'not a url' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const foreign of foreigns) {
      for (const path of ['/internal/auth/logout', '/internal/auth/refresh', '/internal/auth/login']) {
        const res = await post(path, foreign);
        expect([path, foreign, res.status]).toEqual([path, foreign, 403]);
        expect((await json(res)).error.code).toBe('FORBIDDEN');
        expect(res.headers.get('set-cookie')).toBeNull();
      }
    }
    // Nothing was revoked: the cookie still refreshes, from the control center's own origin.
    const own = await post('/internal/auth/refresh', {
      origin: 'https://api.halobestie.local',
      host: 'api.halobestie.local',
    });
    expect(own.status).toBe(200);
    const out = await s.request('/internal/auth/logout', {
      method: 'POST',
      headers: {
        cookie: `cc_refresh_token=${cookieOf(own)!}`,
        origin: 'https://api.halobestie.local',
        host: 'api.halobestie.local',
        'sec-fetch-site': 'same-origin',
      },
    });
    expect(out.status).toBe(204);
  });
});

describe('control-center users', () => {
  it('weak passwords get the complexity codes; duplicate email (any case) → 409 EMAIL_TAKEN; unknown role → 400', async () => {
    const post = (password: string, email = `x${Date.now()}${Math.random()}@halobestie.local`, role = 'viewer') =>
      s.request('/internal/control-center-users', {
        method: 'POST',
        json: { email, password, display_name: 'X', role },
        headers: bearer(adminToken),
      });
    const cases: Array<[string, string]> = [
      ['Ab1', 'PASSWORD_TOO_SHORT'],
      ['Abcdefgh', 'PASSWORD_MISSING_DIGIT'],
      ['abcdefg1', 'PASSWORD_MISSING_UPPERCASE'],
      ['ABCDEFG1', 'PASSWORD_MISSING_LOWERCASE'],
    ];
    for (const [password, code] of cases) {
      const res = await post(password);
      expect(res.status).toBe(422);
      expect((await json(res)).error.code).toBe(code);
    }
    const u = await createUser('viewer');
    const dup = await post('Passw0rd!', u.email.toUpperCase());
    expect(dup.status).toBe(409);
    expect((await json(dup)).error.code).toBe('EMAIL_TAKEN');
    expect((await post('Passw0rd!', undefined, 'emperor')).status).toBe(400);
    const { rows } = await s.rt.db.query('SELECT password_hash FROM control_center_users WHERE id = $1', [u.id]);
    expect(rows[0].password_hash).toMatch(/^\$2[aby]\$12\$/);
  });

  it('needs control_center_users:create: a viewer or a customer token gets 403, no token 401', async () => {
    const viewer = await createUser('viewer');
    const viewerToken = (await json(ccLogin(s, viewer.email, viewer.password))).access_token;
    const body = { email: 'y@halobestie.local', password: 'Passw0rd!', display_name: 'Y', role: 'viewer' };
    expect(
      (await s.request('/internal/control-center-users', { method: 'POST', json: body, headers: bearer(viewerToken) }))
        .status,
    ).toBe(403);
    const guest = await createGuest(s);
    expect(
      (
        await s.request('/internal/control-center-users', {
          method: 'POST',
          json: body,
          headers: bearer(guest.access_token),
        })
      ).status,
    ).toBe(403);
    expect((await s.request('/internal/control-center-users', { method: 'POST', json: body })).status).toBe(401);
  });

  it('own password change: wrong current → 401; success revokes the other sessions and keeps this one', async () => {
    const u = await createUser();
    const a = await json(ccLogin(s, u.email, u.password));
    const b = await json(ccLogin(s, u.email, u.password));
    const change = (current: string, next: string) =>
      s.request('/internal/control-center-users/me/password', {
        method: 'PATCH',
        json: { current_password: current, new_password: next },
        headers: bearer(a.access_token),
      });
    expect((await json(change('nope', 'Newpassw0rd'))).error.code).toBe('INVALID_CREDENTIALS');
    expect((await json(change(u.password, 'weak'))).error.code).toBe('PASSWORD_TOO_SHORT');
    expect((await change(u.password, 'Newpassw0rd')).status).toBe(204);
    expect((await s.request('/internal/auth/me', { headers: bearer(a.access_token) })).status).toBe(200);
    expect((await s.request('/internal/auth/me', { headers: bearer(b.access_token) })).status).toBe(401);
    expect((await ccLogin(s, u.email, u.password)).status).toBe(401);
    expect((await ccLogin(s, u.email, 'Newpassw0rd')).status).toBe(200);
  });

  it('admin reset needs control_center_users:update and revokes the target’s sessions', async () => {
    const target = await createUser();
    const session = await json(ccLogin(s, target.email, target.password));
    const operator = await createUser('operator');
    const opToken = (await json(ccLogin(s, operator.email, operator.password))).access_token;
    const reset = (token: string, id = target.id) =>
      s.request(`/internal/control-center-users/${id}/password`, {
        method: 'PATCH',
        json: { new_password: 'Reset1234' },
        headers: bearer(token),
      });
    expect((await reset(opToken)).status).toBe(403);
    expect((await reset(adminToken, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await reset(adminToken)).status).toBe(204);
    expect((await s.request('/internal/auth/me', { headers: bearer(session.access_token) })).status).toBe(401);
    expect((await ccLogin(s, target.email, 'Reset1234')).status).toBe(200);
  });

  it('db:seed is idempotent and does not check the bootstrap password’s complexity', async () => {
    expect((await seed(s.rt)).adminCreated).toBe(false);
    const { rows } = await s.rt.db.query(
      "SELECT count(*)::int n FROM control_center_users WHERE lower(email) = 'admin@halobestie.local'",
    );
    expect(rows[0].n).toBe(1);
  });
});
