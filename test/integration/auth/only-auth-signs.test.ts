import { generateKeyPairSync } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createConfigApp } from '../../../functions/config/app';
import { createInternalApp } from '../../../functions/internal/app';
import { createPairingApp } from '../../../functions/pairing/app';
import { createPaymentWebhookApp } from '../../../functions/payment-webhook/app';
import { createSessionApp } from '../../../functions/session/app';
import { createWorkersApp } from '../../../functions/workers/app';
import { publicKeysOf } from '../../../scripts/local/dev-keys';
import { AccessTokens } from '../../../shared/auth/access-tokens';
import { authGuards } from '../../../shared/auth/guards';
import { signingKey } from '../../../shared/security/keys';
import { parseEnv } from '../../../shared/env';
import type { FunctionName } from '../../../shared/path-table';
import { createLogger } from '../../../shared/logger';
import type { Runtime } from '../../../shared/runtime';
import { createLocalRuntime } from '../../../scripts/local/runtime';
import { bearer, createGuest } from '../../helpers/auth';
import { ccUser } from '../../helpers/control-center';
import { testEnv, testSigningKey, useTestStack } from '../../helpers/runtime';

// Each function but auth, started as the image starts it (its env parsed for that function alone, its own
// runtime and app) with no private key present: only the published JWK set. The tokens come from the
// full stack over the same database, which signs as auth does.
const stack = useTestStack({ perFile: true });
const started: Runtime[] = [];
afterAll(() => Promise.all(started.map((rt) => rt.close())));

type App = { request(path: string, init?: RequestInit): Response | Promise<Response> };
const apps: Record<Exclude<FunctionName, 'auth'>, (rt: Runtime) => App> = {
  pairing: createPairingApp,
  session: createSessionApp,
  config: createConfigApp,
  'payment-webhook': createPaymentWebhookApp,
  internal: createInternalApp,
  workers: createWorkersApp,
};
/** A route of the function that needs our access token, and whose token (customer or operator). */
const protectedRoute: Partial<Record<FunctionName, { path: string; as: 'customer' | 'operator' }>> = {
  pairing: { path: '/api/client/availability', as: 'customer' },
  session: { path: '/api/client/sessions', as: 'customer' },
  config: { path: '/internal/config', as: 'operator' },
  internal: { path: '/internal/customers', as: 'operator' },
};

async function startWithPublicKeysOnly(fn: FunctionName): Promise<Runtime> {
  const env: Record<string, string | undefined> = {
    ...testEnv({ DATABASE_URL: stack().rt.env.DATABASE_URL!, AUTH_PUBLIC_KEYS: publicKeysOf(testSigningKey()) }),
    AUTH_SIGNING_KEY: undefined,
  };
  const rt = await createLocalRuntime(parseEnv(env, fn), { logger: createLogger('silent') });
  started.push(rt);
  return rt;
}

describe('only auth signs', () => {
  it.each(Object.keys(apps) as Array<keyof typeof apps>)(
    '%s starts without the private key, serves, and verifies access tokens with the public keys alone',
    async (fn) => {
      const rt = await startWithPublicKeysOnly(fn);
      expect(rt.env.AUTH_SIGNING_KEY).toBeUndefined();
      const app = apps[fn](rt);
      expect((await app.request('/healthz')).status).toBe(200);

      const s = stack();
      const customer = (await createGuest(s)).access_token as string;
      const operator = (await ccUser(s, 'super_admin')).token;
      const { accessTokens } = authGuards(rt);
      await expect(accessTokens.verify(customer)).resolves.toMatchObject({ userType: 'customer' });
      await expect(accessTokens.sign({ userId: 'x', userType: 'customer', sessionId: 'y' })).rejects.toThrow(
        /only auth issues access tokens/,
      );
      const foreign = new AccessTokens(
        signingKey(
          generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
            .privateKey.export({ type: 'pkcs8', format: 'pem' })
            .toString(),
          'k1',
        ),
        [],
        { issuer: rt.env.AUTH_ISSUER, ttlSeconds: rt.env.ACCESS_TOKEN_TTL_SECONDS },
        rt.clock,
        accessTokens.revocations,
      );
      const forged = await foreign.sign({
        userId: '00000000-0000-4000-8000-000000000001',
        userType: 'cc_user',
        sessionId: '00000000-0000-4000-8000-000000000002',
        role: 'super_admin',
      });
      await expect(accessTokens.verify(forged)).rejects.toMatchObject({ code: 'TOKEN_INVALID' });

      const route = protectedRoute[fn];
      if (route) {
        const token = route.as === 'customer' ? customer : operator;
        expect((await app.request(route.path, { headers: bearer(token) })).status).toBe(200);
        const refused = await app.request(route.path, { headers: bearer(forged) });
        expect(refused.status).toBe(401);
      }
    },
  );
});
