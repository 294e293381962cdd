import { createHash, randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { parseEnv } from '../../shared/env';
import { createLogger } from '../../shared/logger';
import type { Runtime } from '../../shared/runtime';
import { createLocalRuntime } from '../../scripts/local/runtime';
import type { LocalSubscription } from '../../shared/adapters/local/event-bus';
import { createAllApps, createLocalGateway } from '../../scripts/local/apps';
import type { FunctionApps } from '../../scripts/local/gateway';
import { createTestDatabase } from './db';
import { generateSigningKeyPem } from '../../scripts/local/dev-keys';
import { seed } from '../../scripts/seed';
import { ContractChecker } from './contract';
import { FUNCTION_NAMES } from '../../shared/path-table';
import { checkedPush, checkedRealtime, publishedContract } from './published';

export type RequestOptions = RequestInit & { json?: unknown; clientIp?: string; unchecked?: boolean };

export interface TestStack {
  rt: Runtime;
  apps: FunctionApps;
  /**
   * In-process request through the gateway's path table (the same apps npm start serves). Every answer
   * is checked against the merged OpenAPI document (status documented, body matches, error code listed)
   * unless `unchecked`. `clientIp` plays the TCP peer address the gateway (like the load balancer) records.
   */
  request(path: string, init?: RequestOptions): Promise<Response>;
  contract: ContractChecker;
  /** Every line logged (parsed), when the stack was created with `captureLogs`; otherwise empty. */
  logs: Array<Record<string, unknown>>;
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

let contractChecker: ContractChecker | undefined;

/** A runtime over a fresh database, with every function app and an in-process task/event dispatcher. */
export async function createTestStack(
  options: {
    env?: Record<string, string>;
    subscriptions?: LocalSubscription[];
    databaseUrl?: string;
    /** Every log line of the stack, at debug level, lands here (a test can check what was logged). */
    logs?: string[];
    /** Keep every log line (debug and up) in the stack's `logs`, parsed, for tests of what operators are told. */
    captureLogs?: boolean;
    /**
     * false: this file feeds the relay documents and pushes of its own making to test its mechanics, so
     * they are not held to docs/asyncapi.yaml. Everywhere else every write and push is.
     */
    publishedContract?: false;
  } = {},
): Promise<TestStack> {
  process.env.FIRESTORE_EMULATOR_HOST = inject('firestoreHost');
  process.env.METADATA_SERVER_DETECTION = 'none';
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  // One deployment is one database and one Firestore project: a second instance on the same database
  // (another process of the same service) writes to the same project, whichever relay delivers a row.
  const project = `test-${createHash('sha256').update(databaseUrl).digest('hex').slice(0, 8)}`;
  const env = parseEnv(
    testEnv({ DATABASE_URL: databaseUrl, FIREBASE_PROJECT_ID: project, ...options.env }),
    FUNCTION_NAMES,
  );
  // TEST_LOG_LEVEL=error shows what a failing request logged.
  const level = (process.env.TEST_LOG_LEVEL ?? 'silent') as 'silent' | 'error' | 'warn' | 'info' | 'debug';
  const logs: Array<Record<string, unknown>> = [];
  const sink = options.logs;
  const logger =
    sink || options.captureLogs
      ? createLogger('debug', {}, (line) => {
          sink?.push(line);
          if (options.captureLogs) logs.push(JSON.parse(line) as Record<string, unknown>);
        })
      : createLogger(level);
  const published = options.publishedContract === false ? undefined : await publishedContract();
  let checked: ReturnType<typeof checkedRealtime> | undefined;
  const rt = await createLocalRuntime(env, {
    logger,
    subscriptions: options.subscriptions,
    observe: published && {
      realtime: (r) => (checked = checkedRealtime(r, published)),
      push: (p) => checkedPush(p, published),
    },
  });
  await seed(rt);
  const apps = createAllApps(rt);
  const gateway = createLocalGateway(rt, apps);
  const raw = (path: string, init: RequestOptions = {}) => {
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
  // The merged document is built once per file: every function's routes are module-level declarations.
  contractChecker ??= new ContractChecker(await (await raw('/openapi.json')).json());
  const contract = contractChecker;
  const request = async (path: string, init: RequestOptions = {}) => {
    const res = await raw(path, init);
    if (!init.unchecked) await contract.check(init.method ?? 'GET', path, res);
    return res;
  };
  // Timers and pushes go through the same check: their routes are part of the contract too.
  rt.local!.attachDispatcher(async ({ path, headers, body }) => {
    const res = await request(path, { method: 'POST', headers, body });
    await res.arrayBuffer();
    return res.status;
  });
  const close = async () => {
    await checked?.quiesce();
    await rt.close();
  };
  return { rt, apps, request, contract, logs, close };
}

/** The per-file preamble: a fresh stack per test (or one per file with `perFile`), closed afterwards. */
export function useTestStack(options: Parameters<typeof createTestStack>[0] & { perFile?: boolean } = {}) {
  let stack: TestStack | undefined;
  const [before, after] = options.perFile ? [beforeAll, afterAll] : [beforeEach, afterEach];
  before(async () => {
    stack = await createTestStack(options);
  });
  after(() => stack?.close());
  return () => {
    if (!stack) throw new Error('the test stack is not up yet');
    return stack;
  };
}
