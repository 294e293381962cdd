import { Firestore } from '@google-cloud/firestore';
import { inject } from 'vitest';
import { createTestDatabase } from './db';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../scripts/local/free-port';
import { readLock } from '../../scripts/local/data-dir-lock';
import { isAlive } from '../../scripts/local/processes';

export interface SpawnedStack {
  baseUrl: string;
  dataDir: string;
  /** The process we spawned: tsx's CLI, or npm with `launcher: 'npm'`. */
  launcherPid: number;
  /** The node process that runs the stack (it holds `<dataDir>/stack.lock`). */
  stackPid: number;
  output: () => string;
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

export interface StackPorts {
  port: number;
  pgPort: number;
  firestorePort: number;
  xenditPort: number;
}

export interface SpawnOptions {
  /** `npm` runs `npm start` (npm → sh → tsx → node), as a developer does; default: tsx directly. */
  launcher?: 'tsx' | 'npm';
  /** Its own process group, so a test can signal the whole group the way a closing terminal does. */
  ownGroup?: boolean;
}

export async function stackPorts(): Promise<StackPorts> {
  return {
    port: await freePort(),
    pgPort: await freePort(),
    firestorePort: await freePort(),
    xenditPort: await freePort(),
  };
}

export function tempDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'halo-e2e-'));
  chmodSync(dir, 0o755);
  return dir;
}

export interface StackProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

// If this test process ends first, kill what we spawned: the stack sees its launcher gone and stops itself
// (and its Postgres).
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** Spawns `scripts/dev.ts` (what `npm start` runs) without waiting for anything. */
export function spawnStackProcess(
  dataDir: string,
  ports: StackPorts,
  extraEnv: Record<string, string> = {},
  opts: SpawnOptions = {},
): StackProcess {
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.DATABASE_URL;
  delete env.FIRESTORE_EMULATOR_HOST;
  delete env.NODE_ENV;
  delete env.npm_lifecycle_event; // when run by `npm test`: not ours
  delete env.npm_lifecycle_script;
  Object.assign(env, extraEnv);
  Object.assign(env, {
    PORT: String(ports.port),
    PG_PORT: String(ports.pgPort),
    FIRESTORE_PORT: String(ports.firestorePort),
    XENDIT_FAKE_PORT: String(ports.xenditPort),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  });
  const [file, args] =
    opts.launcher === 'npm' ? ['npm', ['start']] : [path.resolve('node_modules/.bin/tsx'), ['scripts/dev.ts']];
  const child = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: opts.ownGroup ?? false });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  live.add(child);
  void exited.then(() => live.delete(child));
  return { child, output: () => out, exited };
}

/** Starts the stack as its own process and waits for /healthz. */
export async function spawnStack(
  dataDir: string,
  ports: StackPorts,
  extraEnv: Record<string, string> = {},
  readyWithinMs = 60_000,
  opts: SpawnOptions = {},
): Promise<SpawnedStack> {
  const { child, output, exited } = spawnStackProcess(dataDir, ports, extraEnv, opts);
  const baseUrl = `http://127.0.0.1:${ports.port}`;
  const deadline = Date.now() + readyWithinMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`stack exited early:\n${output()}`);
    const res = await fetch(`${baseUrl}/healthz`).catch(() => undefined);
    if (res?.status === 200) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`stack not healthy within ${readyWithinMs} ms:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const stackPid = readLock(dataDir)?.pid;
  if (!stackPid) throw new Error(`healthy, but ${dataDir}/stack.lock names no owner`);
  return {
    baseUrl,
    dataDir,
    launcherPid: child.pid!,
    stackPid,
    output,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Runs a stack that is expected to refuse to start; resolves with its exit code and output. */
export async function spawnStackExpectingFailure(
  dataDir: string,
  ports: StackPorts,
  withinMs = 60_000,
): Promise<{ code: number | null; output: string }> {
  const { child, output, exited } = spawnStackProcess(dataDir, ports);
  const timer = setTimeout(() => child.kill('SIGKILL'), withinMs);
  const code = await exited;
  clearTimeout(timer);
  return { code, output: output() };
}

/**
 * Live processes that belong to the stack on `dataDir`: anything started with `DATA_DIR=<dataDir>` in its
 * environment (npm, sh, tsx, node and Postgres with its workers all inherit it) or the dir in its command
 * line. Zombies do not count: they hold nothing, and PID 1 here may never reap them.
 */
export function processesOf(dataDir: string): Array<{ pid: number; cmd: string }> {
  const found: Array<{ pid: number; cmd: string }> = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if ((environ.includes(`DATA_DIR=${dataDir}`) || cmd.includes(dataDir)) && isAlive(pid)) found.push({ pid, cmd });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

/** Polls until `check` holds (returns true), or fails with `what` after `withinMs`. */
export async function waitUntil(what: string, check: () => boolean | Promise<boolean>, withinMs = 30_000) {
  const deadline = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${withinMs} ms waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A stack on a fresh cloned database, writing to the run's emulator under `projectId`, and an official
 * client on the same project to listen as the apps do.
 */
export async function spawnListenedStack(dataDir: string, projectId: string) {
  process.env.FIRESTORE_EMULATOR_HOST = inject('firestoreHost');
  const ports = await stackPorts();
  const stack = await spawnStack(dataDir, ports, {
    DATABASE_URL: await createTestDatabase(),
    FIRESTORE_EMULATOR_HOST: inject('firestoreHost'),
    FIREBASE_PROJECT_ID: projectId,
  });
  return { stack, ports, fs: new Firestore({ projectId }) };
}
