import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/**
 * The image's loader, bundled into each function's `dist/<fn>/main.cjs` (scripts/bundle.ts): `node
 * dist/<fn>/main.cjs` runs `dist/<fn>/server.cjs` with the V8 code cache the image build made beside it
 * (scripts/warm-code-cache.ts). Why it exists and what it buys: docs/boot.md.
 */
export const SERVER_BUNDLE = 'server.cjs';
export const SERVER_MAIN = 'main.cjs';
/** Set only where the image is built: the run writes the cache instead of reading it. */
export const CODE_CACHE_WRITE_ENV = 'CODE_CACHE_WRITE';
export const codeCacheFile = (bundle: string) => `${bundle}.v8cache`;

export type CodeCacheOutcome = 'used' | 'rejected' | 'missing' | 'writing';

// What Node's own CommonJS loader wraps a file in; the same string every time, so the cache matches it.
const wrap = (source: string) => `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * Runs a CommonJS bundle as `require` would, compiled with the V8 code cache saved beside it. Node's
 * compile cache (NODE_COMPILE_CACHE) stores a module's code as compiled before it runs, which is its top
 * level only: every function start-up calls is compiled again from source on each cold start. A cache
 * made when a warmed-up process exits (`createCachedData` after execution) holds those functions too.
 * A cache V8 refuses (another Node, other flags, another bundle) or a missing one only costs the
 * compilation, and is reported, since the image should always carry a matching one.
 */
export function runCachedBundle(bundle: string, env: NodeJS.ProcessEnv = process.env): CodeCacheOutcome {
  const cacheFile = codeCacheFile(bundle);
  const writing = env[CODE_CACHE_WRITE_ENV] === '1';
  const cachedData = writing ? undefined : readIfPresent(cacheFile);
  // The build makes the bundle ASCII (scripts/bundle.ts): latin1 reads the same text without UTF-8 decoding.
  const script = new vm.Script(wrap(readFileSync(bundle, 'latin1')), { filename: bundle, cachedData });
  const outcome: CodeCacheOutcome = writing
    ? 'writing'
    : !cachedData
      ? 'missing'
      : script.cachedDataRejected
        ? 'rejected'
        : 'used';
  if (outcome === 'missing' || outcome === 'rejected') {
    process.stderr.write(
      `${JSON.stringify({ severity: 'WARNING', message: `code cache ${outcome}: compiling from source`, bundle })}\n`,
    );
  }
  if (writing) {
    process.once('exit', () => {
      const partial = `${cacheFile}.${process.pid}`;
      writeFileSync(partial, script.createCachedData());
      renameSync(partial, cacheFile);
    });
  }
  const mod = new Module(bundle);
  mod.filename = bundle;
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(mod.exports, mod.exports, createRequire(bundle), mod, bundle, path.dirname(bundle));
  return outcome;
}
