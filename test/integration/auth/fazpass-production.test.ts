import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createAuthApp } from '../../../functions/auth/app';
import { parseEnv } from '../../../shared/env';
import { createLogger } from '../../../shared/logger';
import type { Runtime } from '../../../shared/runtime';
import { authAdapters } from '../../../functions/auth/adapters';
import { createLocalRuntime } from '../../../scripts/local/runtime';
import { createTestDatabase } from '../../helpers/db';
import { json } from '../../helpers/http';
import { testEnv } from '../../helpers/runtime';

// The auth function as production runs it: NODE_ENV=production, OTP_PROVIDER=fazpass, keys set, behind IAP.
// RUNTIME=local here, so App Check is the stub, which accepts the test token.
const APP = { 'x-firebase-appcheck': 'local-app-check-token' };
let fazpass: Server | undefined;
let rt: Runtime | undefined;
afterAll(async () => {
  await rt?.close();
  await new Promise((r) => fazpass?.close(r));
});

describe('auth in production with Fazpass', () => {
  it('starts (the stub is refused, Fazpass is accepted) and a failed send is a clean 503 with nothing counted', async () => {
    const sent: unknown[] = [];
    fazpass = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        sent.push({ auth: req.headers.authorization, body: JSON.parse(body) });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: false, message: 'gateway rejected', data: null }));
      });
    });
    await new Promise<void>((r) => fazpass!.listen(0, '127.0.0.1', r));
    const port = (fazpass.address() as AddressInfo).port;
    const production = {
      ...testEnv({ DATABASE_URL: await createTestDatabase() }),
      NODE_ENV: 'production',
      ENABLE_TEST_ROUTES: 'false',
      OTP_PROVIDER: 'fazpass',
      FAZPASS_BASE_URL: `http://127.0.0.1:${port}`,
      FAZPASS_MERCHANT_KEY: 'merchant-key',
      FAZPASS_GATEWAY_KEY: 'gateway-key',
      IAP_AUDIENCE: '/projects/1/global/backendServices/2',
    };
    rt = await createLocalRuntime(parseEnv(production, 'auth'), { logger: createLogger('silent') });
    const app = createAuthApp(rt);
    expect(authAdapters(rt).otpProvider.name).toBe('fazpass');

    const ask = (headers: Record<string, string> = APP) =>
      app.request('/api/client/auth/otp/request', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9, 10.0.0.1', ...headers },
        body: JSON.stringify({ phone: '081234567890' }),
      });
    // App Check is enforced in production by default (SPEC §13): no token, no SMS.
    const noToken = await ask({});
    expect(noToken.status).toBe(401);
    expect((await json(noToken)).error.code).toBe('APP_CHECK_INVALID');
    expect(sent).toEqual([]);

    const res = await ask();
    expect(res.status).toBe(503);
    expect((await json(res)).error.code).toBe('OTP_SEND_FAILED');
    expect(sent).toEqual([
      {
        auth: 'Bearer merchant-key',
        body: { phone: '6281234567890', otp: expect.stringMatching(/^\d{6}$/), gateway_key: 'gateway-key' },
      },
    ]);
    const { rows } = await rt.db.query('SELECT count(*)::int AS n FROM otp_requests');
    expect(rows[0].n).toBe(0);

    expect(() => parseEnv({ ...production, OTP_PROVIDER: 'stub' }, 'auth')).toThrow(
      /OTP_PROVIDER: the stub provider logs codes/,
    );
  });
});

describe('a Fazpass timeout', () => {
  it('is one request to Fazpass, answered 503, and counted: the user retrying at once meets the cool-down, not a second SMS', async () => {
    let seen = 0;
    const slow = createServer((req, res) => {
      seen++;
      req.resume();
      // Answers (with success) long after the adapter gave up: Fazpass did send this SMS.
      setTimeout(
        () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":true,"data":{"id":"x"}}'),
        1500,
      ).unref();
    });
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    const env = {
      ...testEnv({ DATABASE_URL: await createTestDatabase() }),
      OTP_PROVIDER: 'fazpass',
      FAZPASS_BASE_URL: `http://127.0.0.1:${(slow.address() as AddressInfo).port}`,
      FAZPASS_MERCHANT_KEY: 'merchant-key',
      FAZPASS_GATEWAY_KEY: 'gateway-key',
      FAZPASS_TIMEOUT_MS: '200',
    };
    const local = await createLocalRuntime(parseEnv(env, 'auth'), { logger: createLogger('silent') });
    try {
      const app = createAuthApp(local);
      const ask = () =>
        app.request('/api/client/auth/otp/request', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.10, 10.0.0.1' },
          body: JSON.stringify({ phone: '081234567891' }),
        });
      const first = await ask();
      expect(first.status).toBe(503);
      expect((await json(first)).error.code).toBe('OTP_SEND_FAILED');
      expect(seen).toBe(1);
      const again = await ask();
      expect(again.status).toBe(429);
      expect((await json(again)).error.code).toBe('OTP_COOLDOWN');
      expect(seen).toBe(1);
      const { rows } = await local.db.query('SELECT count(*)::int AS n FROM otp_requests');
      expect(rows[0].n).toBe(1);
    } finally {
      await local.close();
      slow.closeAllConnections();
      await new Promise((r) => slow.close(r));
    }
  });
});
