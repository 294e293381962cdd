import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../scripts/local/free-port';

export interface SpawnedStack {
  baseUrl: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<number | null>;
}

export interface StackPorts {
  port: number;
  pgPort: number;
  firestorePort: number;
  xenditPort: number;
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

/** Starts `scripts/dev.ts` (what `npm start` runs) as its own process and waits for /healthz. */
export async function spawnStack(
  dataDir: string,
  ports: StackPorts,
  extraEnv: Record<string, string> = {},
  readyWithinMs = 60_000,
): Promise<SpawnedStack> {
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.DATABASE_URL;
  delete env.FIRESTORE_EMULATOR_HOST;
  delete env.NODE_ENV;
  Object.assign(env, extraEnv);
  Object.assign(env, {
    PORT: String(ports.port),
    PG_PORT: String(ports.pgPort),
    FIRESTORE_PORT: String(ports.firestorePort),
    XENDIT_FAKE_PORT: String(ports.xenditPort),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  });
  const child: ChildProcess = spawn(path.resolve('node_modules/.bin/tsx'), ['scripts/dev.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${ports.port}`;
  const deadline = Date.now() + readyWithinMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`stack exited early:\n${out}`);
    const res = await fetch(`${baseUrl}/healthz`).catch(() => undefined);
    if (res?.status === 200) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`stack not healthy within ${readyWithinMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    dataDir,
    output: () => out,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
