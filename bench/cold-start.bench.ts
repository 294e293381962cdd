import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { bundleEntry, bundleFunction, bundleServer } from '../scripts/bundle';
import { freePort } from '../scripts/local/free-port';
import { generateSigningKeyPem } from '../scripts/local/dev-keys';
import { imageNodeRuntime } from '../scripts/image-runtime';
import { healthzStatus, warmCodeCache, warmUpEnv } from '../scripts/warm-code-cache';
import { SERVER_MAIN } from '../shared/http/code-cache';
import type { BenchEnv } from './harness';
import { abOptions, NOISE_NOTE } from './lib/options';
import { spawnNode, stopChild, tempDir } from './lib/procs';
import { fmt, median, spread, table } from './lib/stats';
import { BENCH_BUILD_DIR } from './request-path.bench';

/** As the image starts a bundle: its ENTRYPOINT's flags, its compile cache (if Node has one), on BENCH_NODE. */
const image = imageNodeRuntime();
const nodeBinary = process.env.BENCH_NODE ?? process.execPath;
const HELLO_ENTRY = 'bench/baselines/hello.ts';

/** Spawn → first 200 on /healthz, in ms (polled every 2 ms; bounded at 20 s). */
async function coldStart(file: string, env: Record<string, string>, logFile: string): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawnNode(file, { ...env, PORT: String(port) }, logFile, {
    tsx: false,
    args: image.args,
    node: nodeBinary,
  });
  try {
    while (performance.now() - t0 < 20_000) {
      if (child.exitCode !== null) throw new Error(`${file} exited:\n${readFileSync(logFile, 'utf8')}`);
      if ((await healthzStatus(port)) === 200) return performance.now() - t0;
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

/** 22.1 for v22.1.x: enough to compare against the release that brought NODE_COMPILE_CACHE. */
function nodeMajorMinor(): number {
  const [major, minor] = nodeVersion().replace(/^v/, '').split('.').map(Number);
  return major! + minor! / 10 ** String(minor).length;
}

function cacheEntries(dir: string): number {
  return existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length
    : 0;
}

/**
 * Auth as the image starts it (`node dist/auth/main.cjs`: the CommonJS server with the code cache the image
 * bakes) vs a hello-world Hono bundle, started both as the plain ESM bundle esbuild makes (the reference
 * the issue set) and the way our image starts a function (same loader, same baked cache); the previous
 * entry (`node dist/auth/index.mjs` with Node's compile cache) alongside. Process start → first 200 on
 * /healthz, interleaved, the order reversed every other round.
 */
export async function benchColdStart(env: BenchEnv): Promise<void> {
  const authDir = path.join(BENCH_BUILD_DIR, 'auth');
  const helloDir = path.join(BENCH_BUILD_DIR, 'hello');
  await bundleFunction('auth', authDir);
  await bundleEntry(HELLO_ENTRY, helloDir);
  await bundleServer(HELLO_ENTRY, helloDir);
  const logDir = tempDir('halo-bench-cold-');
  // The image bakes the caches at build time; here the warm-up starts below write them, for every
  // variant (Node writes its compile cache when a process exits normally, as all of these do on SIGTERM).
  const cacheDir = path.join(logDir, 'cache');
  const withCache = image.compileCache && nodeMajorMinor() >= 22.1;
  const cache: Record<string, string> = withCache ? { NODE_COMPILE_CACHE: cacheDir } : {};
  const authEnv = {
    RUNTIME: 'gcp',
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    DATABASE_URL: await env.databaseUrl('bench_cold'),
    AUTH_SIGNING_KEY: generateSigningKeyPem(),
    FIRESTORE_EMULATOR_HOST: env.firestoreHost,
    METADATA_SERVER_DETECTION: 'none',
    FUNCTION_URLS: JSON.stringify({ auth: 'http://127.0.0.1:1' }),
    TASKS_INVOKER_SERVICE_ACCOUNT: 'tasks@bench.iam.gserviceaccount.com',
    OIDC_ALLOWED_SERVICE_ACCOUNTS: 'tasks@bench.iam.gserviceaccount.com',
  };
  const variants: Array<[string, string, Record<string, string>]> = [
    ['hello-world, plain ESM bundle (node index.mjs)', path.join(helloDir, 'index.mjs'), cache],
    ['hello-world, as the image starts a function (main.cjs)', path.join(helloDir, SERVER_MAIN), cache],
    [
      'auth, as the image starts it (node dist/auth/main.cjs)',
      path.join(authDir, SERVER_MAIN),
      { ...authEnv, ...cache },
    ],
    ['auth, ESM bundle (node dist/auth/index.mjs)', path.join(authDir, 'index.mjs'), { ...authEnv, ...cache }],
  ];
  const rounds = abOptions({ rounds: 6 }).rounds;
  const ms: number[][] = variants.map(() => []);
  // As the image's build does (scripts/warm-caches.ts): the code caches beside the servers, and Node's.
  const spawnAs = { node: nodeBinary, args: image.args };
  await warmCodeCache(path.join(authDir, SERVER_MAIN), { ...warmUpEnv(), ...cache }, spawnAs);
  await warmCodeCache(path.join(helloDir, SERVER_MAIN), cache, spawnAs);
  for (const [, file, e] of variants) await coldStart(file, e, path.join(logDir, 'warmup.log'));
  if (withCache && cacheEntries(cacheDir) < variants.length) {
    throw new Error(`the warm-up left ${cacheEntries(cacheDir)} compile-cache entries for ${variants.length} entries`);
  }
  for (let r = 0; r < rounds; r++) {
    const order = variants.map((_, i) => i);
    if (r % 2) order.reverse();
    for (const i of order)
      ms[i]!.push(await coldStart(variants[i]![1], variants[i]![2], path.join(logDir, `${i}.log`)));
  }
  const warnings = readdirSync(logDir)
    .filter((f) => f.endsWith('.log'))
    .filter((f) => readFileSync(path.join(logDir, f), 'utf8').includes('code cache'));
  if (warnings.length) throw new Error(`a start compiled without its code cache: see ${logDir}/${warnings[0]}`);
  const ratio = (i: number, base: number) => ms[i]!.map((x, r) => x / ms[base]![r]!);
  const cell = (xs: number[]) => `${fmt(median(xs))} [${xs.map(fmt).join(' ')}]`;
  console.log(
    `\nCold start: spawn → first 200 on GET /healthz, ${rounds} interleaved rounds (one warm-up each), started as the ` +
      `image starts them: node ${nodeVersion()} ${image.args.join(' ')}${withCache ? ', NODE_COMPILE_CACHE' : ''}` +
      ` (BENCH_NODE picks the binary).\n${NOISE_NOTE}`,
  );
  console.log(
    table(
      ['entry', 'ms median (min–max)', '÷ plain hello per round', '÷ hello as the image starts it'],
      variants.map(([name], i) => [
        name,
        `${fmt(median(ms[i]!))} (${spread(ms[i]!)})`,
        i < 2 ? '' : cell(ratio(i, 0)),
        i < 2 ? '' : cell(ratio(i, 1)),
      ]),
    )
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );
}
