import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleEntry, bundleFunction } from '../../scripts/bundle';
import { freePort } from '../../scripts/local/free-port';
import { warmImageCaches, warmUpEnv } from '../../scripts/warm-code-cache';
import { codeCacheFile, SERVER_BUNDLE, SERVER_MAIN } from '../../shared/http/code-cache';
import { FUNCTION_NAMES } from '../../shared/http/path-table';

mkdirSync('node_modules/.cache', { recursive: true });
const dist = mkdtempSync(path.resolve('node_modules/.cache/halo-dist-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const status = (port: number) =>
  new Promise<number>((resolve) => {
    http
      .get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', () => resolve(0));
  });

describe("the image's cache warm-up (dist/warm-caches, run by the Dockerfile)", () => {
  it('brings up every function from its main.cjs with an env that reaches nothing and leaves each its code cache', async () => {
    for (const fn of FUNCTION_NAMES) await bundleFunction(fn, path.join(dist, fn));
    await bundleEntry('scripts/migrate.ts', path.join(dist, 'migrate'));
    const caches = await warmImageCaches(dist, FUNCTION_NAMES, 'warm-caches');
    expect(caches).toEqual(FUNCTION_NAMES.map((fn) => codeCacheFile(path.join(dist, fn, SERVER_BUNDLE))));

    // A function then starts from its cache (V8 takes it: nothing is reported) and serves.
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(dist, 'auth', SERVER_MAIN)], {
      env: { ...process.env, ...warmUpEnv(), PORT: String(port) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise((r) => child.once('exit', r));
    try {
      while ((await status(port)) !== 200) {
        if (child.exitCode !== null) throw new Error(stderr);
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
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
