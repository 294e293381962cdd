import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../shared/db/migrate';
import { startFirestoreEmulator } from '../../scripts/local/firestore-emulator';
import { freePort } from '../../scripts/local/free-port';
import { startEmbeddedPostgres } from '../../scripts/local/postgres';

export const TEMPLATE_DB = 'halo_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
    firestoreHost: string;
  }
}

/** Provisions one Postgres server and one Firestore emulator for the whole run; files get their own databases. */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'halo-test-'));
  chmodSync(dir, 0o755); // the server runs as the postgres OS user when we are root
  const pg = await startEmbeddedPostgres({
    dir: path.join(dir, 'pg'),
    port: await freePort(),
    durable: false,
    log: (m) => console.log(m),
  });
  await pg.createDatabase(TEMPLATE_DB);
  await migrate(pg.url(TEMPLATE_DB));
  const emulator = await startFirestoreEmulator(await freePort());

  project.provide('pgAdminUrl', pg.url('postgres'));
  project.provide('pgTemplate', TEMPLATE_DB);
  project.provide('firestoreHost', emulator.host);

  return async () => {
    emulator.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
