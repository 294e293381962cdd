import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { runner } from 'node-pg-migrate';
import type pg from 'pg';
import type { Db } from './pool';

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Applies every pending SQL migration (node-pg-migrate, advisory-locked, one tx per file), on a URL or on
 * one connection of a pool (the migrate job's, opened through the Cloud SQL connector).
 */
export async function migrate(database: string | Db, log: (msg: string) => void = () => undefined): Promise<string[]> {
  if (typeof database !== 'string') {
    const client = await database.connect();
    try {
      return await run({ dbClient: client }, log);
    } finally {
      client.release();
    }
  }
  return run({ databaseUrl: database }, log);
}

async function run(
  connection: { databaseUrl: string } | { dbClient: pg.ClientBase },
  log: (msg: string) => void,
): Promise<string[]> {
  const applied = await runner({
    ...connection,
    dir: MIGRATIONS_DIR,
    direction: 'up',
    migrationsTable: 'pgmigrations',
    count: Infinity,
    checkOrder: true,
    log,
    logger: { debug: () => undefined, info: log, warn: log, error: log },
  });
  return applied.map((m) => m.name);
}
