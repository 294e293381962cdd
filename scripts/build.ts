import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_DIR } from '../shared/db/migrate';
import { FUNCTION_NAMES } from '../shared/path-table';
import { bundleEntry, bundleFunction, EXTERNAL_SDKS, EXTRA_ENTRIES, runtimeManifest, type PackageLock } from './bundle';

// `npm run build`: each function's dist/<fn>/server.cjs and the main.cjs that starts it (docs/boot.md), an
// ESM entry per job (dist/migrate/ with its migrations, dist/mirror-rebuild/, dist/warm-caches/), and
// dist/package.json + dist/package-lock.json: the runtime dependencies the image installs.
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as PackageLock;
const runtimeDeps = EXTERNAL_SDKS.filter((d) => pkg.dependencies[d]);
const write = (file: string, value: unknown) => writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
const size = (meta: Awaited<ReturnType<typeof bundleEntry>>) =>
  Object.entries(meta.outputs).find(([f]) => /\.(mjs|cjs)$/.test(f))![1].bytes;

rmSync('dist', { recursive: true, force: true });
for (const fn of FUNCTION_NAMES) {
  const outdir = path.join('dist', fn);
  mkdirSync(outdir, { recursive: true });
  const meta = await bundleFunction(fn, outdir);
  console.log(`${fn.padEnd(16)} ${(size(meta) / 1024).toFixed(0).padStart(6)} KiB`);
}

for (const [name, entry] of Object.entries(EXTRA_ENTRIES)) {
  const outdir = path.join('dist', name);
  mkdirSync(outdir, { recursive: true });
  const meta = await bundleEntry(entry, outdir);
  console.log(`${name.padEnd(16)} ${(size(meta) / 1024).toFixed(0).padStart(6)} KiB`);
}
// shared/db/migrate.ts finds its SQL files beside the running module: dist/migrate/migrations.
cpSync(MIGRATIONS_DIR, path.join('dist', 'migrate', 'migrations'), { recursive: true });

const runtime = runtimeManifest(lock, runtimeDeps);
write(path.join('dist', 'package.json'), runtime.packageJson);
write(path.join('dist', 'package-lock.json'), runtime.packageLock);
console.log(`runtime deps     ${Object.keys(runtime.packageLock.packages).length - 1} packages from package-lock.json`);
