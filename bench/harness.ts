import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from '../shared/db/migrate';
import { freePort } from '../scripts/local/free-port';
import { startFirestoreEmulator } from '../scripts/local/firestore-emulator';
import { startEmbeddedPostgres } from '../scripts/local/postgres';

export interface BenchEnv {
  databaseUrl(name: string): Promise<string>;
  firestoreHost: string;
}

/** A throwaway Postgres (fsync on, as `npm start` runs it) + emulator for `npm run bench`. */
export async function withBenchEnv<T>(fn: (env: BenchEnv) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'halo-bench-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dir, port: await freePort(), durable: true, log: (m) => console.log(m) });
  const emulator = await startFirestoreEmulator(await freePort());
  process.env.FIRESTORE_EMULATOR_HOST = emulator.host;
  process.env.METADATA_SERVER_DETECTION = 'none';
  try {
    return await fn({
      firestoreHost: emulator.host,
      async databaseUrl(name) {
        await pg.createDatabase(name);
        await migrate(pg.url(name));
        return pg.url(name);
      },
    });
  } finally {
    emulator.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return 0;
  return sortedMs[Math.min(sortedMs.length - 1, Math.floor((p / 100) * sortedMs.length))]!;
}

export function report(name: string, fields: Record<string, string | number>): void {
  console.log(
    `${name.padEnd(44)} ${Object.entries(fields)
      .map(([k, v]) => `${k}=${v}`)
      .join('  ')}`,
  );
}
