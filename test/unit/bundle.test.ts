import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { bundleEntry, bundleFunction, EXTERNAL_SDKS, runtimeManifest, type PackageLock } from '../../scripts/bundle';
import { SERVER_BUNDLE, SERVER_MAIN } from '../../shared/http/code-cache';

describe('function bundle', () => {
  it('is one ESM file and one CommonJS server in which the heavy GCP SDKs are only loaded lazily', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'halo-bundle-'));
    try {
      const meta = await bundleFunction('workers', dir);
      const outputs = Object.keys(meta.outputs).filter((f) => f.endsWith('.mjs'));
      expect(outputs).toHaveLength(1);
      // pg's optional native binding is required inside a try; bcrypt is a small native addon the auth code needs.
      const sdks = EXTERNAL_SDKS.filter((s) => s !== 'pg-native' && s !== 'bcrypt');
      const imports = meta.outputs[outputs[0]!]!.imports.filter((i) => sdks.some((sdk) => i.path.startsWith(sdk)));
      const eager = imports.filter((i) => i.kind !== 'dynamic-import').map((i) => i.path);
      // Not even the Functions Framework: the container serves with node:http and only a source deploy loads it.
      expect(eager).toEqual([]);
      expect(imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path)).toEqual(
        expect.arrayContaining([
          '@google-cloud/tasks',
          '@google-cloud/pubsub',
          '@google-cloud/firestore',
          'firebase-admin/messaging',
          '@google-cloud/functions-framework',
        ]),
      );
      // The container's server.cjs: no import() at all (a script run from a code cache cannot), each SDK
      // required only inside a promise, when an adapter first needs it; not the Functions Framework.
      const server = readFileSync(path.join(dir, SERVER_BUNDLE), 'utf8');
      expect(server).not.toMatch(/[^`]\bimport\(/);
      const required = [...server.matchAll(/(.{0,40})require\("((?:@google-cloud|firebase-admin)[^"]*)"\)/g)];
      expect(required.map((m) => m[2]).sort()).toEqual([
        '@google-cloud/firestore',
        '@google-cloud/pubsub',
        '@google-cloud/tasks',
        'firebase-admin/app',
        'firebase-admin/messaging',
      ]);
      for (const [, before] of required) expect(before).toMatch(/Promise\.resolve\(\)\.then\(\(\) ?=> ?__toESM\($/);
      expect(readFileSync(path.join(dir, SERVER_MAIN), 'utf8')).toContain(`"${SERVER_BUNDLE}"`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
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
      expect(readFileSync(path.join(dir, 'index.mjs'), 'utf8')).not.toMatch(/^import .* from "bcrypt";$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('zod in a bundle', () => {
  it('carries English messages only, and zod still answers in English', async () => {
    // Inside the project, so the entry resolves zod from its node_modules.
    mkdirSync('node_modules/.cache', { recursive: true });
    const dir = mkdtempSync(path.resolve('node_modules/.cache/halo-zod-'));
    try {
      await writeFile(
        path.join(dir, 'entry.ts'),
        `import { z } from 'zod';\nexport const locales = Object.keys(z.locales);\n` +
          `export const message = z.string().safeParse(1).error?.issues[0]?.message;\n`,
      );
      const meta = await bundleEntry(path.join(dir, 'entry.ts'), dir);
      const inputs = Object.keys(meta.outputs[Object.keys(meta.outputs).find((f) => f.endsWith('.mjs'))!]!.inputs);
      expect(inputs.filter((i) => /^node_modules\/zod\/v4\/locales\/(?!en\.js$)/.test(i))).toEqual([]);
      expect(inputs).toContain('node_modules/zod/v4/locales/en.js');
      const mod = (await import(pathToFileURL(path.join(dir, 'index.mjs')).href)) as Record<string, unknown>;
      expect(mod.locales).toEqual(['en']);
      expect(mod.message).toBe('Invalid input: expected string, received number');
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
    expect(packageLock.packages['node_modules/@google-cloud/functions-framework']).toBeDefined();
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
