import { createPublicKey } from 'node:crypto';
import { Hono } from 'hono';
import { jwtVerify } from 'jose';
import { z } from '@hono/zod-openapi';
import { parseEnv } from '../shared/env';
import { createLogger } from '../shared/logger';
import { createLocalRuntime } from '../scripts/local/runtime';
import { createFunctionApp } from '../shared/http/function-app';
import { access, defineRoute } from '../shared/http/route';
import { createAuthApp } from '../functions/auth/app';
import { generateSigningKeyPem } from '../scripts/local/dev-keys';
import type { BenchEnv } from './harness';
import { percentile, report } from './harness';
import { FUNCTION_NAMES } from '../shared/path-table';

type Fetch = (req: Request) => Response | Promise<Response>;

async function load(fetch: Fetch, path: string, token: string, total: number, concurrency: number) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        const t = performance.now();
        const res = await fetch(new Request(`http://bench${path}`, { headers: { authorization: `Bearer ${token}` } }));
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
        await res.arrayBuffer();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    req_per_s: Math.round(total / seconds),
    p50_ms: percentile(latencies, 50).toFixed(2),
    p99_ms: percentile(latencies, 99).toFixed(2),
  };
}

/** Authenticated routes vs a bare Hono route doing the same ES256 verification, in one run. */
export async function benchAuth(env: BenchEnv): Promise<void> {
  const key = generateSigningKeyPem();
  const rt = await createLocalRuntime(
    parseEnv(
      {
        DATABASE_URL: await env.databaseUrl('bench_auth'),
        FIRESTORE_EMULATOR_HOST: env.firestoreHost,
        AUTH_SIGNING_KEY: key,
        LOG_LEVEL: 'silent',
      },
      FUNCTION_NAMES,
    ),
    { logger: createLogger('silent') },
  );
  const authApp = createAuthApp(rt);
  const guest = (await (await authApp.request('/api/shared/auth/anonymous', { method: 'POST' })).json()) as {
    access_token: string;
  };

  const ours = createFunctionApp('auth', { ...rt, logger: createLogger('silent') });
  const whoami = defineRoute(access.customer, {
    method: 'get',
    path: '/bench/whoami',
    summary: 'Bench only: the verified principal',
    operationId: 'benchWhoami',
    responses: {
      200: { description: 'ok', content: { 'application/json': { schema: z.object({ user_id: z.string() }) } } },
    },
  });
  ours.openapi(whoami, (c) => c.json({ user_id: c.var.principal.userId }, 200));

  const publicKey = createPublicKey(key);
  const bare = new Hono().get('/bench/whoami', async (c) => {
    const { payload } = await jwtVerify(c.req.header('authorization')!.slice(7), publicKey, {
      algorithms: ['ES256'],
      issuer: rt.env.AUTH_ISSUER,
    });
    return c.json({ user_id: payload.sub });
  });

  const total = 5000;
  const concurrency = 32;
  await load(bare.fetch, '/bench/whoami', guest.access_token, 500, concurrency); // warm-up
  await load(ours.fetch, '/bench/whoami', guest.access_token, 500, concurrency);
  report(
    'auth: bare Hono + jose ES256 verify',
    await load(bare.fetch, '/bench/whoami', guest.access_token, total, concurrency),
  );
  report(
    'auth: our stack (access.customer, revocation cache)',
    await load(ours.fetch, '/bench/whoami', guest.access_token, total, concurrency),
  );
  report(
    'auth: GET /api/client/auth/me (+1 Postgres read)',
    await load(authApp.fetch, '/api/client/auth/me', guest.access_token, total, concurrency),
  );
  await rt.close();
}
