import { existsSync } from 'node:fs';
import path from 'node:path';
import { DataDirInUseError, isLockLive, readLock } from './local/data-dir-lock';
import { knob } from './local/knobs';
import { watchLaunchers } from './local/launcher-watch';
import type { LocalStack } from './local/stack';

// `npm start`: the whole backend on one base URL with embedded Postgres and the Firestore emulator.
if (existsSync('.env')) process.loadEnvFile('.env');

// A closed terminal (SIGHUP) turns every write into EIO/EPIPE; that must not crash the shutdown.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

let stack: LocalStack | undefined = undefined; // read by shutdown() before start-up ends
let stopping: string | undefined;

/**
 * Stops the stack once, whatever asked first: a signal (Ctrl-C, `kill`, the terminal closing) or the
 * death of the npm/tsx processes above us. A stop that hangs is cut short; Postgres still goes down with
 * us, since the kernel signals it when this process dies (see scripts/local/postgres.ts).
 */
function shutdown(reason: string): void {
  if (stopping) return;
  stopping = reason;
  if (!stack) return; // still starting: stopped as soon as it is up
  console.log(`\n${reason}: stopping…`);
  const force = setTimeout(() => {
    console.error('stop took over 15 s; exiting anyway');
    process.exit(1);
  }, 15_000);
  force.unref();
  stack.stop().then(
    () => process.exit(0),
    (err: Error) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => shutdown(signal));
watchLaunchers((l) => shutdown(`launcher ${l.pid} (${l.argv.slice(0, 2).join(' ') || 'parent'}) exited`));

const failed = (err: Error) => {
  console.error(`Local stack failed to start: ${err.message}`);
  process.exit(1);
};
const dataDir = path.resolve(knob('DATA_DIR'));
// Refuse a taken data dir before loading the whole backend (seconds); startLocalStack takes the lock for real.
const holder = readLock(dataDir);
if (holder && isLockLive(holder)) failed(new DataDirInUseError(dataDir, holder));

const { startLocalStack } = await import('./local/stack');
const port = Number(process.env.PORT ?? 8080);
const t0 = performance.now();
stack = await startLocalStack({
  dataDir,
  port,
  pgPort: Number(knob('PG_PORT')),
  firestorePort: Number(knob('FIRESTORE_PORT')),
  xenditPort: Number(knob('XENDIT_FAKE_PORT')),
  durable: true,
  env: process.env,
  log: (m) => console.log(m),
}).catch(failed);

if (stopping) {
  const reason = stopping;
  stopping = undefined;
  shutdown(reason);
} else {
  console.log(`
Halo Bestie local stack ready in ${Math.round(performance.now() - t0)} ms (pid ${process.pid})
  base URL            ${stack.baseUrl}
  API reference       ${stack.baseUrl}/docs
  Postgres            ${stack.databaseUrl}
  Firestore emulator  ${stack.firestoreHost}   (FIRESTORE_EMULATOR_HOST)
  Xendit              ${stack.xenditUrl ? `${stack.xenditUrl}   (fake; POST /_fake/invoices/:id/pay fires the callback)` : 'XENDIT_API_BASE_URL'}
  Push recorder       ${stack.baseUrl}/internal/_test/push?user_id=…
Ctrl-C to stop.`);
}
