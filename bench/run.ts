import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { withBenchEnv, type BenchEnv } from './harness';

// `npm run bench [-- name…]`: every bench/*.bench.ts (or those whose name contains an argument), in
// name order. Performance figures live here, never in timed tests. Each file exports one async
// function whose name starts with `bench`; it gets a throwaway Postgres (fsync on) + emulator.
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const dir = path.dirname(fileURLToPath(import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error(`no bench matches ${filters.join(', ')}`);
  process.exit(1);
}

const load = os.loadavg()[0]!.toFixed(2);
console.log(
  `node ${process.version}, ${os.cpus().length} cores (load average ${load}); benches: ${files.join(', ')}\n`,
);
let failed = 0;
await withBenchEnv(async (env: BenchEnv) => {
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as Record<string, unknown>;
    const entry = Object.entries(mod).find(([k, v]) => k.startsWith('bench') && typeof v === 'function');
    if (!entry) {
      console.error(`${file}: exports no bench* function`);
      failed++;
      continue;
    }
    console.log(`── ${file} ──`);
    const t0 = performance.now();
    try {
      await (entry[1] as (env: BenchEnv) => Promise<void>)(env);
    } catch (err) {
      failed++;
      console.error(`${file} failed: ${(err as Error).stack ?? String(err)}`);
    }
    console.log(`(${file}: ${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
  }
});
process.exit(failed ? 1 : 0);
