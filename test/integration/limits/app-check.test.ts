import { describe, expect, it } from 'vitest';
import { bearer, uniqueClientIp, uniquePhone } from '../../helpers/auth';
import { json } from '../../helpers/http';
import { useTestStack, type TestStack } from '../../helpers/runtime';

// SPEC §13 app integrity: with APP_CHECK_ENFORCED=true guest sign-up, OTP request and chat request need
// a valid X-Firebase-AppCheck (locally the stub accepts APP_CHECK_TEST_TOKEN) or answer 401.
const TOKEN = 'app-check-token-for-this-test';
const stack = useTestStack({ env: { APP_CHECK_ENFORCED: 'true', APP_CHECK_TEST_TOKEN: TOKEN }, perFile: true });

const signUp = (s: TestStack, headers: Record<string, string>) =>
  s.request('/api/shared/auth/anonymous', { method: 'POST', json: {}, headers, clientIp: uniqueClientIp() });

async function expectRefused(res: Response) {
  expect(res.status).toBe(401);
  expect((await json(res)).error.code).toBe('APP_CHECK_INVALID');
}

describe('App Check, enforced', () => {
  it('guest sign-up: missing or wrong token → 401 APP_CHECK_INVALID, nothing written, no limit spent', async () => {
    const s = stack();
    const before = (await s.rt.db.query('SELECT count(*)::int AS n FROM customers')).rows[0].n;
    await expectRefused(await signUp(s, {}));
    for (let i = 0; i < 25; i++) await expectRefused(await signUp(s, { 'x-firebase-appcheck': 'forged' }));
    expect((await s.rt.db.query('SELECT count(*)::int AS n FROM customers')).rows[0].n).toBe(before);
    expect((await s.rt.db.query('SELECT count(*)::int AS n FROM rate_limits')).rows[0].n).toBe(0);
    expect((await signUp(s, { 'x-firebase-appcheck': TOKEN })).status).toBe(201);
  });

  it('OTP request: no code is sent without the genuine app', async () => {
    const s = stack();
    const otp = (headers: Record<string, string>) =>
      s.request('/api/client/auth/otp/request', {
        method: 'POST',
        json: { phone: uniquePhone() },
        headers,
        clientIp: uniqueClientIp(),
      });
    await expectRefused(await otp({}));
    await expectRefused(await otp({ 'x-firebase-appcheck': `${TOKEN}x` }));
    expect((await s.rt.db.query('SELECT count(*)::int AS n FROM otp_requests')).rows[0].n).toBe(0);
    expect((await otp({ 'x-firebase-appcheck': TOKEN })).status).toBe(200);
  });

  it('chat request: refused before anything else is looked at', async () => {
    const s = stack();
    const guest = await json(signUp(s, { 'x-firebase-appcheck': TOKEN }));
    const ask = (headers: Record<string, string>) =>
      s.request('/api/client/chat/request', {
        method: 'POST',
        json: { topic_sensitivity: 'regular', tier_id: 'tier_30' },
        headers: { ...bearer(guest.access_token), ...headers },
      });
    await expectRefused(await ask({}));
    await expectRefused(await ask({ 'x-firebase-appcheck': '' }));
    expect((await ask({ 'x-firebase-appcheck': TOKEN })).status).toBe(201);
  });
});
