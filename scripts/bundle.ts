import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { SERVER_BUNDLE, SERVER_MAIN } from './code-cache';
import type { FunctionName } from '../shared/path-table';

/** Kept out of the bundle: installed from the generated package.json, imported lazily by the adapters. */
export const EXTERNAL_SDKS = [
  '@google-cloud/cloud-sql-connector',
  '@google-cloud/firestore',
  '@google-cloud/tasks',
  '@google-cloud/pubsub',
  'firebase-admin',
  'pg-native',
  // A native addon (prebuilt binaries inside the package): it cannot be inlined.
  'bcrypt',
];

/** The image's ES module entries besides the functions: the Cloud Run jobs and the image build's cache warm-up. */
export const EXTRA_ENTRIES = {
  migrate: 'scripts/migrate.ts',
  'mirror-rebuild': 'scripts/mirror-rebuild.ts',
  'warm-caches': 'scripts/warm-caches.ts',
} as const;

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  metafile: true,
  external: EXTERNAL_SDKS,
  logLevel: 'warning',
} satisfies BuildOptions;

/** `<outdir>/index.mjs`: a job's entry (and the cold-start bench's hello world). */
export async function bundleEntry(entry: string, outdir: string): Promise<Metafile> {
  const result = await build({
    ...common,
    entryPoints: [entry],
    outfile: path.join(outdir, 'index.mjs'),
    format: 'esm',
    // Some bundled CJS dependencies call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return result.metafile;
}

const codeCacheLoader = fileURLToPath(new URL('./code-cache.ts', import.meta.url));

/**
 * A function as the image runs it (docs/boot.md): its entry as one CommonJS file, `server.cjs` (a script
 * V8 can cache after it ran; no top-level await), and `main.cjs`, the loader that compiles it with the
 * code cache the image bakes beside it (scripts/code-cache.ts).
 */
export async function bundleServer(entry: string, outdir: string): Promise<Metafile> {
  const result = await build({
    ...common,
    entryPoints: [entry],
    outfile: path.join(outdir, SERVER_BUNDLE),
    format: 'cjs',
    // No comments, licences in server.cjs.LEGAL.txt: what is left is ASCII (esbuild escapes the rest), so
    // V8 holds the source as a one-byte string. One non-ASCII character in a comment made it two-byte,
    // and every cold start ~15 ms slower (docs/boot.md); the check below keeps it from coming back.
    minifyWhitespace: true,
    legalComments: 'external',
    // V8 cannot run import() from a script compiled from a code cache (the host's callback is lost): the
    // lazily loaded SDKs are required inside a promise instead, the same deferral without import().
    supported: { 'dynamic-import': false },
    // What an ES module would see (shared/db/migrate.ts finds its SQL files beside the running module).
    define: { 'import.meta.url': '__bundle_url' },
    banner: { js: "const __bundle_url = require('node:url').pathToFileURL(__filename).href;" },
  });
  const nonAscii = readFileSync(path.join(outdir, SERVER_BUNDLE)).findIndex((byte) => byte > 0x7f);
  if (nonAscii !== -1) throw new Error(`${entry}: the server bundle is not ASCII at byte ${nonAscii}`);
  await build({
    stdin: {
      contents:
        `require(${JSON.stringify(codeCacheLoader)})` +
        `.runCachedBundle(require('node:path').join(__dirname, ${JSON.stringify(SERVER_BUNDLE)}));`,
      resolveDir: path.dirname(codeCacheLoader),
      sourcefile: SERVER_MAIN,
      loader: 'js',
    },
    ...common,
    outfile: path.join(outdir, SERVER_MAIN),
    format: 'cjs',
  });
  return result.metafile;
}

/** `<outdir>/server.cjs` + `main.cjs` from `functions/<fn>/server.ts`, the function's one entry. */
export const bundleFunction = (fn: FunctionName, outdir: string): Promise<Metafile> =>
  bundleServer(`functions/${fn}/server.ts`, outdir);

interface LockPackage {
  version?: string;
  resolved?: string;
  integrity?: string;
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  peer?: boolean;
  link?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [k: string]: unknown;
}
export interface PackageLock {
  name: string;
  version: string;
  lockfileVersion: number;
  requires?: boolean;
  packages: Record<string, LockPackage>;
}

/** Node's lookup: `<from>/node_modules/<name>`, then each parent's, up to the root. */
function resolveIn(packages: PackageLock['packages'], from: string, name: string): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!dir) return undefined;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut === -1 ? '' : dir.slice(0, cut);
  }
}

/**
 * The image's runtime manifest: a package.json with only the external SDKs, and a lockfile cut from the
 * project's own lock (same versions, same integrity hashes as the tests ran with), so the image runs
 * `npm ci --omit=dev` without the local-only dependencies (the Firestore emulator, esbuild, vitest …).
 */
export function runtimeManifest(
  lock: PackageLock,
  deps: readonly string[],
): { packageJson: Record<string, unknown>; packageLock: PackageLock } {
  const root = lock.packages[''] ?? {};
  const wanted: Record<string, string> = {};
  for (const d of deps) {
    const range = root.dependencies?.[d];
    if (!range) throw new Error(`${d} is not a dependency in package-lock.json`);
    wanted[d] = range;
  }
  const keep = new Set<string>();
  const visit = (from: string, name: string, optional: boolean) => {
    const at = resolveIn(lock.packages, from, name);
    if (!at) {
      if (optional) return;
      throw new Error(`package-lock.json cannot resolve ${name} from ${from || 'the root'}`);
    }
    if (keep.has(at)) return;
    keep.add(at);
    const p = lock.packages[at]!;
    for (const dep of Object.keys(p.dependencies ?? {})) visit(at, dep, false);
    for (const dep of Object.keys(p.optionalDependencies ?? {})) visit(at, dep, true);
    for (const dep of Object.keys(p.peerDependencies ?? {}))
      visit(at, dep, p.peerDependenciesMeta?.[dep]?.optional ?? false);
  };
  for (const d of Object.keys(wanted)) visit('', d, false);

  const name = `${lock.name}-runtime`;
  const packages: PackageLock['packages'] = {
    '': { name, version: lock.version, dependencies: wanted, engines: { node: '>=22' } },
  };
  for (const at of [...keep].sort()) {
    // Everything kept is a production dependency now, whatever role it had in the full tree.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { dev, devOptional, ...rest } = lock.packages[at]!;
    packages[at] = devOptional ? { ...rest, optional: true } : rest;
  }
  return {
    packageJson: {
      name,
      version: lock.version,
      private: true,
      type: 'module',
      engines: { node: '>=22' },
      dependencies: wanted,
    },
    packageLock: { name, version: lock.version, lockfileVersion: lock.lockfileVersion, requires: true, packages },
  };
}
