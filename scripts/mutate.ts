import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { scoreReport, total, type Equivalent, type FileScore, type MutationReport } from './mutation/score';

// `npm run mutate [-- <group>…]`: Stryker over the critical use cases, one group of stryker.config.mjs at a
// time (each against its own test files), then the score per file and overall with the equivalent mutants
// left out. Exits 1 below the target. Not part of `npm test`: a full run takes tens of minutes here.
const TARGET = 90;
const REPORTS = 'reports/mutation';

const config = (await import(pathToFileURL(path.resolve('stryker.config.mjs')).href)) as {
  groups: Array<{ name: string; mutate: string[]; tests: string[] }>;
  equivalent: Equivalent[];
};
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !config.groups.some((g) => g.name === w));
if (unknown.length) {
  console.error(`unknown group(s) ${unknown.join(', ')}; known: ${config.groups.map((g) => g.name).join(', ')}`);
  process.exit(2);
}
const groups = wanted.length ? config.groups.filter((g) => wanted.includes(g.name)) : config.groups;

interface GroupResult {
  group: string;
  seconds: number;
  files: FileScore[];
  stale: Equivalent[];
  failed?: string;
}

const results: GroupResult[] = [];
const started = Date.now();
for (const g of groups) {
  console.log(`\n=== ${g.name}: ${g.mutate.join(', ')} against ${g.tests.join(', ')}`);
  const t0 = Date.now();
  const run = spawnSync('node_modules/.bin/stryker', ['run'], {
    stdio: 'inherit',
    env: { ...process.env, MUTATE_GROUP: g.name },
  });
  const seconds = Math.round((Date.now() - t0) / 1000);
  if (run.status !== 0) {
    results.push({
      group: g.name,
      seconds,
      files: [],
      stale: [],
      failed: `stryker exited ${run.status ?? run.signal}`,
    });
    continue;
  }
  const report = JSON.parse(readFileSync(`${REPORTS}/${g.name}.json`, 'utf8')) as MutationReport;
  results.push({ group: g.name, seconds, ...scoreReport(report, config.equivalent) });
}
const wallSeconds = Math.round((Date.now() - started) / 1000);

const pct = (n: number | null) => (n === null ? 'n/a' : `${n.toFixed(1)} %`);
const short = (s: string) => (s.length > 100 ? `${s.slice(0, 99)}…` : s);
const minutes = (s: number) => `${Math.floor(s / 60)} min ${s % 60} s`;
console.log('\n=== mutation score (killed or timed out ÷ all but the equivalent and the invalid)\n');
console.log(['group', 'file', 'killed', 'timeout', 'survived', 'no cov', 'equivalent', 'score', 'run time'].join('\t'));
for (const r of results) {
  if (r.failed) console.log([r.group, '—', r.failed].join('\t'));
  for (const f of r.files)
    console.log(
      [
        r.group,
        f.file,
        f.killed,
        f.timeout,
        f.survived,
        f.noCoverage,
        f.equivalent,
        pct(f.score),
        minutes(r.seconds),
      ].join('\t'),
    );
}
const all = total(results.flatMap((r) => r.files));
console.log(
  `\noverall: ${pct(all.score)} of ${all.detected + all.undetected} non-equivalent mutants detected ` +
    `(${all.undetected} undetected, ${all.equivalent} equivalent, ${all.invalid} invalid); run time ${minutes(wallSeconds)}`,
);
for (const r of results)
  for (const f of r.files)
    for (const u of f.undetected)
      console.log(`  ${u.status}: ${f.file}:${u.line} ${u.mutator}: ${short(u.original)} → ${short(u.replacement)}`);
for (const r of results)
  for (const e of r.stale)
    console.log(`  stale equivalent entry (matches nothing now): ${e.file} ${e.mutator} ${e.line.trim()}`);

mkdirSync(REPORTS, { recursive: true });
writeFileSync(
  `${REPORTS}/summary.json`,
  JSON.stringify({ target: TARGET, wallSeconds, overall: all, results }, null, 2),
);
if (results.some((r) => r.failed) || all.score === null || all.score < TARGET) process.exitCode = 1;
