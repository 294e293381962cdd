import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { FunctionName } from '../shared/path-table';
import { CODE_CACHE_WRITE_ENV, codeCacheFile, SERVER_BUNDLE, SERVER_MAIN } from './code-cache';
import { generateSigningKeyPem, publicKeysOf } from './local/dev-keys';
import { freePort } from './local/free-port';

/**
 * What a function needs to boot and answer /healthz where the image is built: a production env (every
 * fail-closed guard satisfied, only auth holding the private key) in which nothing is reachable and
 * nothing is contacted (the pool connects on its first query, the SDK clients on their first call).
 */
export function warmUpEnv(fn: FunctionName, signingKeyPem: string): Record<string, string> {
  const account = 'warm-up@halobestie-build.iam.gserviceaccount.com';
  return {
    NODE_ENV: 'production',
    RUNTIME: 'gcp',
    LOG_LEVEL: 'error',
    // The production path: the Cloud SQL connector, which loads and connects on the first query only.
    CLOUD_SQL_INSTANCE: 'halobestie-build:asia-southeast2:warm',
    DATABASE_IAM_USER: 'warm-up@halobestie-build.iam',
    ...(fn === 'auth'
      ? {
          AUTH_SIGNING_KEY: signingKeyPem,
          OTP_PROVIDER: 'fazpass',
          FAZPASS_MERCHANT_KEY: 'x',
          FAZPASS_GATEWAY_KEY: 'x',
        }
      : { AUTH_PUBLIC_KEYS: publicKeysOf(signingKeyPem) }),
    ...(fn === 'pairing' ? { PII_HASH_KEY: 'warm-up pii hash key, 32 bytes or more' } : {}),
    FUNCTION_URLS: '{}',
    TASKS_INVOKER_SERVICE_ACCOUNT: account,
    OIDC_AUDIENCE: `https://${fn}.warm-up.invalid`,
    OIDC_ALLOWED_SERVICE_ACCOUNTS: account,
    IAP_AUDIENCE: '/projects/1/global/backendServices/1',
    FIRESTORE_EMULATOR_HOST: '127.0.0.1:9',
    METADATA_SERVER_DETECTION: 'none',
  };
}

/** The status of GET /healthz on 127.0.0.1:<port>, or 0 while nothing answers there. */
export const healthzStatus = (port: number) =>
  new Promise<number>((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
  });

/**
 * Starts `node <main>` in cache-writing mode, waits for a 200 on /healthz (so start-up and a first
 * request have compiled what they call), stops it with SIGTERM as Cloud Run does, and checks that it
 * left its code cache beside the server bundle. Returns the cache's path. The node binary and its flags
 * must be the image's (`node`, no flags): V8 refuses a cache made under other flags.
 */
export async function warmCodeCache(
  main: string,
  env: Record<string, string>,
  opts: { node?: string; withinMs?: number } = {},
): Promise<string> {
  const port = await freePort();
  const child = spawn(opts.node ?? process.execPath, [main], {
    env: { PATH: process.env.PATH, ...env, PORT: String(port), [CODE_CACHE_WRITE_ENV]: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr.on('data', (b: Buffer) => (output += b.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const deadline = Date.now() + (opts.withinMs ?? 30_000);
  try {
    while ((await healthzStatus(port)) !== 200) {
      if (child.exitCode !== null) throw new Error(`${main} exited (${child.exitCode}) before serving:\n${output}`);
      if (Date.now() > deadline) throw new Error(`${main} answered no 200 on /healthz in time:\n${output}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
  }
  const code = await exited;
  if (code !== 0) throw new Error(`${main} exited ${code} on SIGTERM:\n${output}`);
  const cache = codeCacheFile(path.join(path.dirname(main), SERVER_BUNDLE));
  if (!existsSync(cache) || statSync(cache).size === 0) throw new Error(`${main} left no code cache at ${cache}`);
  return cache;
}

/**
 * Where the image is built (`node dist/warm-caches/index.mjs`, Dockerfile): every function's code cache
 * from a warmed-up run of its main.cjs, each with its own production env and one throwaway key pair.
 * Fails on any function that does not come up or leaves no cache, so an image never ships without them.
 */
export async function warmImageCaches(dist: string, functions: readonly FunctionName[]): Promise<string[]> {
  const key = generateSigningKeyPem();
  const caches: string[] = [];
  for (const fn of functions) caches.push(await warmCodeCache(path.join(dist, fn, SERVER_MAIN), warmUpEnv(fn, key)));
  return caches;
}
