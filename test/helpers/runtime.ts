import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { parseEnv } from '../../shared/env';
import { createLogger } from '../../shared/logger';
import { createRuntime, type Runtime } from '../../shared/runtime';
import type { LocalSubscription } from '../../shared/adapters/local/event-bus';
import { createAllApps } from '../../scripts/local/apps';
import { createGateway, type FunctionApps } from '../../scripts/local/gateway';
import { createTestDatabase } from './db';
import { generateSigningKeyPem } from '../../scripts/local/dev-keys';
import { seed } from '../../scripts/seed';

export interface TestStack {
  rt: Runtime;
  apps: FunctionApps;
  /** In-process request through the gateway's path table (the same apps npm start serves). */
  /** `clientIp` plays the TCP peer address the gateway (like the load balancer) records. */
  request(path: string, init?: RequestInit & { json?: unknown; clientIp?: string }): Promise<Response>;
  close(): Promise<void>;
}

let signingKey: string | undefined;
export const testSigningKey = () => (signingKey ??= generateSigningKeyPem());

export function testEnv(overrides: Record<string, string> = {}) {
  return {
    AUTH_SIGNING_KEY: testSigningKey(),
    ADMIN_EMAIL: 'admin@halobestie.local',
    ADMIN_PASSWORD: 'admin123',
    NODE_ENV: 'test',
    RUNTIME: 'local',
    LOG_LEVEL: 'silent',
    ENABLE_TEST_ROUTES: 'true',
    FIRESTORE_EMULATOR_HOST: inject('firestoreHost'),
    FIREBASE_PROJECT_ID: `test-${randomBytes(4).toString('hex')}`,
    ...overrides,
  };
}

/** A runtime over a fresh database, with every function app and an in-process task/event dispatcher. */
export async function createTestStack(
  options: { env?: Record<string, string>; subscriptions?: LocalSubscription[]; databaseUrl?: string } = {},
): Promise<TestStack> {
  process.env.FIRESTORE_EMULATOR_HOST = inject('firestoreHost');
  process.env.METADATA_SERVER_DETECTION = 'none';
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const env = parseEnv(testEnv({ DATABASE_URL: databaseUrl, ...options.env }));
  // TEST_LOG_LEVEL=error shows what a failing request logged.
  const level = (process.env.TEST_LOG_LEVEL ?? 'silent') as 'silent' | 'error' | 'warn' | 'info' | 'debug';
  const rt = await createRuntime(env, { logger: createLogger(level), subscriptions: options.subscriptions });
  await seed(rt);
  const apps = createAllApps(rt);
  const gateway = createGateway(apps, rt);
  const request = (path: string, init: RequestInit & { json?: unknown; clientIp?: string } = {}) => {
    const headers = new Headers(init.headers);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    const socket = { incoming: { socket: { remoteAddress: init.clientIp ?? '127.0.0.1' } } };
    return Promise.resolve(
      gateway.fetch(new Request(`http://127.0.0.1${path}`, { ...init, headers, body }), socket as never),
    );
  };
  rt.local!.attachDispatcher(async ({ path, headers, body }) => {
    const res = await request(path, { method: 'POST', headers, body });
    await res.arrayBuffer();
    return res.status;
  });
  return { rt, apps, request, close: () => rt.close() };
}
