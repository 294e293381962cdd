import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleFunction } from '../../scripts/bundle';
import { freePort } from '../../scripts/local/free-port';
import { SERVER_MAIN } from '../../scripts/code-cache';
import { publicKeysOf } from '../../scripts/local/dev-keys';
import { warmCodeCache, warmUpEnv } from '../../scripts/warm-code-cache';

/** Children this bench started; killed by PID when the bench ends, whatever happens. */
const started = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

export interface Server {
  port: number;
  /** The node process serving (its CPU is what a variant costs). */
  pid: number;
  logFile: string;
  stop(): Promise<void>;
}

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Spawns `node [--import tsx] file` with stdout/stderr to a file (as a log collector would read them). */
export function spawnNode(
  file: string,
  env: Record<string, string | undefined>,
  logFile: string,
  opts: { tsx?: boolean; args?: string[]; node?: string } = {},
): ChildProcess {
  const fd = openSync(logFile, 'a');
  const args = [...(opts.tsx === false ? [] : ['--import', 'tsx']), ...(opts.args ?? []), file];
  const child = spawn(opts.node ?? process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  started.add(child);
  child.once('exit', () => started.delete(child));
  return child;
}

export async function stopChild(child: ChildProcess, withinMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), withinMs);
  await exited;
  clearTimeout(timer);
}

/** BENCH_CPU_PROF=<dir>: the stack and the bundle write a V8 CPU profile there when they stop. */
function cpuProfArgs(): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

/** Polls `url` until it answers 200 (bounded). */
export async function waitHealthy(url: string, child: ChildProcess, logFile: string, withinMs = 120_000) {
  const deadline = Date.now() + withinMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited early:\n${readFileSync(logFile, 'utf8')}`);
    const res = await fetch(url).catch(() => undefined);
    if (res) await res.arrayBuffer();
    if (res?.status === 200) return;
    if (Date.now() > deadline) throw new Error(`${url} not healthy within ${withinMs} ms`);
    await sleep(100);
  }
}

/** A bare baseline (bench/baselines/*.ts) on its own port against the given Postgres. */
export async function startBaseline(
  name: 'hono' | 'fastify' | 'messages',
  env: Record<string, string>,
  logDir: string,
  label: string = name,
): Promise<Server> {
  const port = await freePort();
  const logFile = path.join(logDir, `baseline-${label}.log`);
  const child = spawnNode(`bench/baselines/${name}.ts`, { ...env, PORT: String(port) }, logFile);
  const deadline = Date.now() + 60_000;
  while (!/ready \d+/.test(readFileSync(logFile, 'utf8'))) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`baseline ${name} did not start:\n${readFileSync(logFile, 'utf8')}`);
    await sleep(50);
  }
  return { port, pid: child.pid!, logFile, stop: () => stopChild(child) };
}

/**
 * The deployed pairing artifact on its production host: `node <outdir>/main.cjs` with its code cache made
 * as the image makes it (plain node:http, RUNTIME=gcp, request logs at info like Cloud Run), against the
 * given Postgres and emulator.
 */
export async function startPairingBundle(opts: {
  outdir: string;
  logDir: string;
  databaseUrl: string;
  firestoreHost: string | undefined;
  projectId: string;
  signingKey: string;
}): Promise<Server> {
  await bundleFunction('pairing', opts.outdir);
  await warmCodeCache(path.join(opts.outdir, SERVER_MAIN), warmUpEnv('pairing', opts.signingKey));
  const port = await freePort();
  const logFile = path.join(opts.logDir, 'pairing-bundle.log');
  const child = spawnNode(
    path.join(opts.outdir, SERVER_MAIN),
    {
      // Not production: there RUNTIME=gcp reaches Postgres only through the Cloud SQL connector, and this
      // bundle uses the bench's Postgres (DATABASE_URL stands in for the connector outside production).
      NODE_ENV: 'development',
      RUNTIME: 'gcp',
      PORT: String(port),
      LOG_LEVEL: 'info',
      DATABASE_URL: opts.databaseUrl,
      DATABASE_POOL_MAX: '10',
      FIRESTORE_EMULATOR_HOST: opts.firestoreHost,
      FIREBASE_PROJECT_ID: opts.projectId,
      METADATA_SERVER_DETECTION: 'none',
      // As Terraform gives it: the public keys only (only auth signs), its own URL as the OIDC audience.
      AUTH_PUBLIC_KEYS: publicKeysOf(opts.signingKey),
      FUNCTION_URLS: JSON.stringify({ pairing: `http://127.0.0.1:${port}` }),
      TASKS_INVOKER_SERVICE_ACCOUNT: 'tasks@bench.iam.gserviceaccount.com',
      OIDC_AUDIENCE: `http://127.0.0.1:${port}`,
      OIDC_ALLOWED_SERVICE_ACCOUNTS: 'tasks@bench.iam.gserviceaccount.com',
    },
    logFile,
    { tsx: false, args: cpuProfArgs() },
  );
  try {
    await waitHealthy(`http://127.0.0.1:${port}/healthz`, child, logFile, 60_000);
  } catch (err) {
    await stopChild(child);
    throw err;
  }
  return { port, pid: child.pid!, logFile, stop: () => stopChild(child) };
}

export interface StackServer extends Server {
  baseUrl: string;
  databaseUrl: string;
  firestoreHost: string;
  projectId: string;
  signingKeyFile: string;
}

/**
 * The real local stack exactly as `npm start` runs it (scripts/dev.ts: durable Postgres with fsync, the
 * emulator, dispatchers, relay, request logs at info), as a child on free ports over a fresh data dir.
 */
export async function startStack(logDir: string, extraEnv: Record<string, string> = {}): Promise<StackServer> {
  const dataDir = tempDir('halo-bench-stack-');
  const port = await freePort();
  const projectId = extraEnv.FIREBASE_PROJECT_ID ?? `bench-${process.pid}-${port}`;
  const logFile = path.join(logDir, `stack-${port}.log`);
  const env = {
    DATA_DIR: dataDir,
    PORT: String(port),
    PG_PORT: String(await freePort()),
    FIRESTORE_PORT: String(await freePort()),
    XENDIT_FAKE_PORT: String(await freePort()),
    FIREBASE_PROJECT_ID: projectId,
    LOG_LEVEL: 'info',
    DATABASE_URL: undefined,
    FIRESTORE_EMULATOR_HOST: undefined,
    NODE_ENV: undefined,
    ...extraEnv,
  };
  const child = spawnNode('scripts/dev.ts', env, logFile, { args: cpuProfArgs() });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitHealthy(`${baseUrl}/healthz`, child, logFile);
  const out = readFileSync(logFile, 'utf8');
  const databaseUrl = /Postgres\s+(postgres\S+)/.exec(out)?.[1];
  const firestoreHost = /Firestore emulator\s+(\S+)/.exec(out)?.[1];
  const pid = child.pid; // node itself runs dev.ts (no npm/tsx wrapper above it)
  if (!databaseUrl || !firestoreHost || !pid) throw new Error(`stack banner not understood:\n${out}`);
  return {
    port,
    pid,
    logFile,
    baseUrl,
    databaseUrl,
    firestoreHost,
    projectId,
    signingKeyFile: path.join(dataDir, 'keys', 'auth-signing-key.pem'),
    stop: async () => {
      await stopChild(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
