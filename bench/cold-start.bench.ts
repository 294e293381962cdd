import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { bundleEntry, bundleFunction, bundleServer } from '../scripts/bundle';
import { SERVER_BUNDLE, SERVER_MAIN } from '../scripts/code-cache';
import { freePort } from '../scripts/local/free-port';
import { generateSigningKeyPem } from '../scripts/local/dev-keys';
import { healthzStatus, warmCodeCache, warmUpEnv } from '../scripts/warm-code-cache';
import { abOptions, NOISE_NOTE } from './lib/options';
import { spawnNode, stopChild, tempDir } from './lib/procs';
import { fmt, median, summary, table } from './lib/stats';
import { BENCH_BUILD_DIR } from './request-path.bench';

// Plain `node`, as the image's ENTRYPOINT starts it (test/unit/dockerfile.test.ts holds the Dockerfile to it).
const nodeBinary = process.env.BENCH_NODE ?? process.execPath;
const HELLO_ENTRY = 'bench/baselines/hello.ts';

/**
 * Time on the CPU of the process's main thread so far, in ms (Linux): what a start costs, whatever else
 * the shared host runs; wall time is what a user waits on a quiet one.
 */
function mainThreadCpuMs(pid: number): number | undefined {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

/** Spawn → first 200 on /healthz (polled every 2 ms; bounded at 20 s): wall ms and main-thread CPU ms. */
async function coldStart(file: string, env: Record<string, string>, logFile: string) {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawnNode(file, { ...env, PORT: String(port) }, logFile, { tsx: false, node: nodeBinary });
  try {
    while (performance.now() - t0 < 20_000) {
      if (child.exitCode !== null) throw new Error(`${file} exited:\n${readFileSync(logFile, 'utf8')}`);
      if ((await healthzStatus(port)) === 200) {
        return { wall: performance.now() - t0, cpu: mainThreadCpuMs(child.pid!) ?? Number.NaN };
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    throw new Error(`${file}: no 200 on /healthz within 20 s`);
  } finally {
    await stopChild(child);
  }
}

function nodeVersion(): string {
  return nodeBinary === process.execPath
    ? process.version
    : execFileSync(nodeBinary, ['--version'], { encoding: 'utf8' }).trim();
}

/**
 * Auth as the image starts it (`node dist/auth/main.cjs`: the CommonJS server with the code cache the
 * image bakes, in a production env) vs a hello-world Hono bundle, started both as the plain ESM bundle
 * esbuild makes (the reference the issue set) and the way the image starts a function (same loader, same
 * kind of cache), and auth compiled from source (what the code cache buys). Interleaved, the order
 * reversed every other round. docs/boot.md has the figures.
 */
export async function benchColdStart(): Promise<void> {
  const authDir = path.join(BENCH_BUILD_DIR, 'auth');
  const helloDir = path.join(BENCH_BUILD_DIR, 'hello');
  await bundleFunction('auth', authDir);
  await bundleEntry(HELLO_ENTRY, helloDir);
  await bundleServer(HELLO_ENTRY, helloDir);
  const logDir = tempDir('halo-bench-cold-');
  const authEnv = { ...warmUpEnv('auth', generateSigningKeyPem()), LOG_LEVEL: 'info' };
  const variants: Array<[string, string, Record<string, string>]> = [
    ['hello-world, plain ESM bundle (node index.mjs)', path.join(helloDir, 'index.mjs'), {}],
    ['hello-world, as the image starts a function (main.cjs)', path.join(helloDir, SERVER_MAIN), {}],
    ['auth, as the image starts it (node dist/auth/main.cjs)', path.join(authDir, SERVER_MAIN), authEnv],
    // What the code cache buys: the same server compiled from source.
    ['auth without its code cache (node dist/auth/server.cjs)', path.join(authDir, SERVER_BUNDLE), authEnv],
  ];
  const rounds = abOptions({ rounds: 10 }).rounds;
  const wall: number[][] = variants.map(() => []);
  const cpu: number[][] = variants.map(() => []);
  // As the image's build does (scripts/warm-caches.ts): the code caches beside the servers.
  await warmCodeCache(path.join(authDir, SERVER_MAIN), authEnv, { node: nodeBinary });
  await warmCodeCache(path.join(helloDir, SERVER_MAIN), {}, { node: nodeBinary });
  for (const [, file, e] of variants) await coldStart(file, e, path.join(logDir, 'warmup.log'));
  for (let r = 0; r < rounds; r++) {
    const order = variants.map((_, i) => i);
    if (r % 2) order.reverse();
    for (const i of order) {
      const t = await coldStart(variants[i]![1], variants[i]![2], path.join(logDir, `${i}.log`));
      wall[i]!.push(t.wall);
      cpu[i]!.push(t.cpu);
    }
  }
  const warnings = readdirSync(logDir)
    .filter((f) => f.endsWith('.log'))
    .filter((f) => readFileSync(path.join(logDir, f), 'utf8').includes('code cache'));
  if (warnings.length) throw new Error(`a start compiled without its code cache: see ${logDir}/${warnings[0]}`);
  const ratio = (xs: number[][], i: number, base: number) => xs[i]!.map((x, r) => x / xs[base]![r]!);
  console.log(
    `\nCold start: spawn → first 200 on GET /healthz, ${rounds} interleaved rounds (one warm-up each), plain ` +
      `node ${nodeVersion()} as the image starts it (BENCH_NODE picks the binary); main-thread CPU beside wall ` +
      `time.\n${NOISE_NOTE}`,
  );
  console.log(
    table(
      ['entry', 'wall ms', 'CPU ms', '÷ plain hello (wall / CPU)', '÷ hello via main.cjs (wall / CPU)'],
      variants.map(([name], i) => [
        name,
        summary(wall[i]!),
        summary(cpu[i]!),
        i < 1 ? '' : `${fmt(median(ratio(wall, i, 0)))} / ${fmt(median(ratio(cpu, i, 0)))}`,
        i < 2 ? '' : `${fmt(median(ratio(wall, i, 1)))} / ${fmt(median(ratio(cpu, i, 1)))}`,
      ]),
    )
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );
}
