import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleFunction } from '../../scripts/bundle';
import { codeCacheFile, SERVER_BUNDLE, SERVER_MAIN } from '../../scripts/code-cache';
import { generateSigningKeyPem } from '../../scripts/local/dev-keys';
import { warmImageCaches, warmUpEnv } from '../../scripts/warm-code-cache';
import { FUNCTION_NAMES, type FunctionName } from '../../shared/path-table';
import { serveMain } from '../helpers/serve-main';

mkdirSync('node_modules/.cache', { recursive: true });
const dist = mkdtempSync(path.resolve('node_modules/.cache/halo-dist-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe("the image's cache warm-up (dist/warm-caches, run by the Dockerfile)", () => {
  it('brings up every function from its main.cjs with an env that reaches nothing and leaves each its code cache', async () => {
    for (const fn of FUNCTION_NAMES) await bundleFunction(fn, path.join(dist, fn));
    // Every function but auth comes up with the public keys alone (the warm-up env gives it no private key).
    const caches = await warmImageCaches(dist, FUNCTION_NAMES);
    expect(caches).toEqual(FUNCTION_NAMES.map((fn) => codeCacheFile(path.join(dist, fn, SERVER_BUNDLE))));
    for (const fn of FUNCTION_NAMES.filter((f) => f !== 'auth')) {
      expect(warmUpEnv(fn, generateSigningKeyPem())).not.toHaveProperty('AUTH_SIGNING_KEY');
    }

    // A function then starts from its cache (V8 takes it: nothing is reported) and serves.
    const env = warmUpEnv('auth', generateSigningKeyPem());
    const { answers, stderr } = await serveMain(path.join(dist, 'auth', SERVER_MAIN), ['/healthz'], env);
    expect(JSON.parse(answers[0]!)).toEqual({ status: 'ok', function: 'auth' });
    expect(stderr).not.toContain('code cache');
  }, 120_000);

  it('auth refuses to start without its private key, and another function refuses to hold it in production', async () => {
    const key = generateSigningKeyPem();
    const withoutKey = Object.fromEntries(
      Object.entries(warmUpEnv('auth', key)).filter(([k]) => k !== 'AUTH_SIGNING_KEY'),
    ) as Record<string, string>;
    await expect(serveMain(path.join(dist, 'auth', SERVER_MAIN), ['/healthz'], withoutKey)).rejects.toThrow(
      /auth: refusing to start\.[\s\S]*AUTH_SIGNING_KEY: required by auth/,
    );
    const leaked = { ...warmUpEnv('session', key), AUTH_SIGNING_KEY: key };
    await expect(serveMain(path.join(dist, 'session', SERVER_MAIN), ['/healthz'], leaked)).rejects.toThrow(
      /AUTH_SIGNING_KEY: only the auth function holds the signing key/,
    );
  }, 60_000);

  it('fails the build when a function does not come up (here: its bundle is missing)', async () => {
    const broken = mkdtempSync(path.join(dist, 'broken-'));
    await bundleFunction('config', path.join(broken, 'config'));
    await expect(warmImageCaches(broken, ['config', 'missing-fn' as FunctionName])).rejects.toThrow(
      /missing-fn\/main\.cjs exited \(1\) before serving/,
    );
  }, 60_000);
});
