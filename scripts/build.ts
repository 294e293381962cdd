import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FUNCTION_NAMES } from '../shared/http/path-table';
import { bundleFunction, EXTERNAL_SDKS } from './bundle';

// `npm run build`: one ESM file per function under dist/<fn>/index.mjs plus the package.json Cloud Build installs.
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };

rmSync('dist', { recursive: true, force: true });
for (const fn of FUNCTION_NAMES) {
  const outdir = path.join('dist', fn);
  mkdirSync(outdir, { recursive: true });
  const meta = await bundleFunction(fn, outdir);
  const deps = Object.fromEntries(
    EXTERNAL_SDKS.filter((d) => pkg.dependencies[d]).map((d) => [d, pkg.dependencies[d]]),
  );
  writeFileSync(
    path.join(outdir, 'package.json'),
    JSON.stringify(
      {
        name: `halobestie-${fn}`,
        type: 'module',
        main: 'index.mjs',
        engines: { node: '20' },
        scripts: { start: `functions-framework --target=${fn}` },
        dependencies: deps,
      },
      null,
      2,
    ),
  );
  const js = Object.entries(meta.outputs).find(([f]) => f.endsWith('.mjs'))![1].bytes;
  console.log(`${fn.padEnd(16)} ${(js / 1024).toFixed(0).padStart(6)} KiB`);
}
