import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleEntry, bundleFunction } from '../../scripts/bundle';
import { warmImageCaches, warmUpEnv } from '../../scripts/warm-code-cache';
import { codeCacheFile, SERVER_BUNDLE, SERVER_MAIN } from '../../shared/http/code-cache';
import { FUNCTION_NAMES } from '../../shared/http/path-table';
import { serveMain } from '../helpers/serve-main';

mkdirSync('node_modules/.cache', { recursive: true });
const dist = mkdtempSync(path.resolve('node_modules/.cache/halo-dist-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe("the image's cache warm-up (dist/warm-caches, run by the Dockerfile)", () => {
  it('brings up every function from its main.cjs with an env that reaches nothing and leaves each its code cache', async () => {
    for (const fn of FUNCTION_NAMES) await bundleFunction(fn, path.join(dist, fn));
    await bundleEntry('scripts/migrate.ts', path.join(dist, 'migrate'));
    const caches = await warmImageCaches(dist, FUNCTION_NAMES, 'warm-caches');
    expect(caches).toEqual(FUNCTION_NAMES.map((fn) => codeCacheFile(path.join(dist, fn, SERVER_BUNDLE))));

    // A function then starts from its cache (V8 takes it: nothing is reported) and serves.
    const { answers, stderr } = await serveMain(path.join(dist, 'auth', SERVER_MAIN), ['/healthz'], warmUpEnv());
    expect(JSON.parse(answers[0]!)).toEqual({ status: 'ok', function: 'auth' });
    expect(stderr).not.toContain('code cache');
  }, 120_000);

  it('fails the build when a function does not come up (here: its bundle is missing)', async () => {
    const broken = mkdtempSync(path.join(dist, 'broken-'));
    await bundleFunction('config', path.join(broken, 'config'));
    await expect(warmImageCaches(broken, ['config', 'missing-fn'], 'warm-caches')).rejects.toThrow(
      /missing-fn\/main\.cjs exited \(1\) before serving/,
    );
  }, 60_000);
});
