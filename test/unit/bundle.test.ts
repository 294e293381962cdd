import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { bundleEntry, bundleFunction, EXTERNAL_SDKS, runtimeManifest, type PackageLock } from '../../scripts/bundle';
import { SERVER_BUNDLE, SERVER_MAIN } from '../../scripts/code-cache';
import { FUNCTION_NAMES } from '../../shared/path-table';

describe('function bundle', () => {
  it('is one CommonJS server and its loader, in which the heavy GCP SDKs are only loaded lazily', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'halo-bundle-'));
    try {
      const meta = await bundleFunction('workers', dir);
      expect(Object.keys(meta.outputs).filter((f) => /\.[cm]?js$/.test(f))).toEqual([
        expect.stringMatching(new RegExp(`/${SERVER_BUNDLE}$`)),
      ]);
      // No import() at all (a script run from a code cache cannot), each SDK required only inside a
      // promise, when an adapter first needs it.
      const server = readFileSync(path.join(dir, SERVER_BUNDLE), 'utf8');
      // ASCII, so V8 holds it as a one-byte string (docs/boot.md); the build refuses anything else.
      expect(readFileSync(path.join(dir, SERVER_BUNDLE)).every((byte) => byte < 0x80)).toBe(true);
      expect(server).not.toMatch(/[^`]\bimport\(/);
      const required = [...server.matchAll(/(.{0,40})require\("((?:@google-cloud|firebase-admin)[^"]*)"\)/g)];
      expect(required.map((m) => m[2]).sort()).toEqual([
        '@google-cloud/cloud-sql-connector',
        '@google-cloud/firestore',
        '@google-cloud/pubsub',
        '@google-cloud/tasks',
        'firebase-admin/app',
        'firebase-admin/messaging',
      ]);
      for (const [, before] of required) expect(before).toMatch(/Promise\.resolve\(\)\.then\(\(\) ?=> ?__toESM\($/);
      expect(readFileSync(path.join(dir, SERVER_MAIN), 'utf8')).toContain(`"${SERVER_BUNDLE}"`);
      expect(EXTERNAL_SDKS).not.toContain('@google-cloud/functions-framework');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('production bundles', () => {
  it('carry no test route and no local control: the local stack alone mounts them (scripts/local)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'halo-bundle-'));
    try {
      const local = [
        '/internal/_test/clock',
        '/internal/_test/otp',
        '/internal/_test/push',
        '/internal/_test/realtime',
        '/internal/_test/seed-mitra',
        '/tasks/_probe',
        'LocalTaskScheduler',
        'LocalEventBus',
        'LocalDispatcher',
        'PushRecorder',
        'LocalOidcIssuer',
        'createLocalControls',
        'advanceClock',
      ];
      for (const fn of FUNCTION_NAMES) {
        await bundleFunction(fn, path.join(dir, fn));
        const server = readFileSync(path.join(dir, fn, SERVER_BUNDLE), 'latin1');
        expect(
          local.filter((word) => server.includes(word)),
          fn,
        ).toEqual([]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('auth bundle', () => {
  it('loads bcrypt (a native addon only operator logins need) when a password is first checked, not at start', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'halo-bundle-'));
    try {
      await bundleFunction('auth', dir);
      const server = readFileSync(path.join(dir, SERVER_BUNDLE), 'utf8');
      const loads = [...server.matchAll(/(.{0,40})require\("bcrypt"\)/g)];
      expect(loads).toHaveLength(1);
      expect(loads[0]![1]).toMatch(/Promise\.resolve\(\)\.then\(\(\) ?=> ?__toESM\($/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('runtime manifest for the image', () => {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as PackageLock;
  const deps = EXTERNAL_SDKS.filter((d) => d !== 'pg-native');

  it('lists only the external SDKs, pinned to the lockfile, with a lock cut from the project lock', () => {
    const { packageJson, packageLock } = runtimeManifest(lock, deps);
    expect(Object.keys(packageJson.dependencies as object).sort()).toEqual([...deps].sort());
    expect(packageLock.packages['']!.dependencies).toEqual(packageJson.dependencies);
    for (const [at, p] of Object.entries(packageLock.packages)) {
      if (!at) continue;
      expect(p).toEqual(expect.objectContaining({ version: lock.packages[at]!.version }));
      expect(p.dev).toBeUndefined();
    }
    // Local-only and build-only packages stay out.
    for (const out of [
      'node_modules/@firestore-emulator/server',
      'node_modules/esbuild',
      'node_modules/vitest',
      'node_modules/hono',
    ])
      expect(packageLock.packages[out]).toBeUndefined();
    expect(packageLock.packages['node_modules/@google-cloud/firestore']).toBeDefined();
  });

  it('keeps the local Firestore emulator a devDependency, so no production install has it', () => {
    const EMULATOR = '@firestore-emulator/server';
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, Record<string, string>>;
    expect(Object.keys(pkg.dependencies!)).not.toContain(EMULATOR);
    expect(Object.keys(pkg.devDependencies!)).toContain(EMULATOR);
    expect(lock.packages[`node_modules/${EMULATOR}`]).toEqual(expect.objectContaining({ dev: true }));
  });

  it('refuses a dependency the project lock does not have', () => {
    expect(() => runtimeManifest(lock, ['left-pad-not-here'])).toThrow(/not a dependency/);
  });

  it('bundles the migrations entry', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'halo-bundle-'));
    try {
      const meta = await bundleEntry('scripts/migrate.ts', dir);
      expect(Object.keys(meta.outputs).some((f) => f.endsWith('index.mjs'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
