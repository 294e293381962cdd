import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import type { FunctionName } from '../shared/http/path-table';

/** Kept out of the bundle: installed from the generated package.json, imported lazily by the adapters. */
export const EXTERNAL_SDKS = [
  '@google-cloud/firestore',
  '@google-cloud/tasks',
  '@google-cloud/pubsub',
  'firebase-admin',
  '@google-cloud/functions-framework',
  'pg-native',
];

export async function bundleFunction(fn: FunctionName, outdir: string): Promise<Metafile> {
  const result = await build({
    entryPoints: [`functions/${fn}/index.ts`],
    outfile: path.join(outdir, 'index.mjs'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: true,
    metafile: true,
    external: EXTERNAL_SDKS,
    // Some bundled CJS dependencies call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });
  return result.metafile;
}
