import { existsSync } from 'node:fs';
import path from 'node:path';
import { startLocalStack } from './local/stack';

// `npm start`: the whole backend on one base URL with embedded Postgres and the Firestore emulator.
if (existsSync('.env')) process.loadEnvFile('.env');

const port = Number(process.env.PORT ?? 8080);
const t0 = performance.now();
const stack = await startLocalStack({
  dataDir: path.resolve(process.env.DATA_DIR ?? '.data'),
  port,
  pgPort: Number(process.env.PG_PORT ?? 54329),
  firestorePort: Number(process.env.FIRESTORE_PORT ?? 8681),
  xenditPort: Number(process.env.XENDIT_FAKE_PORT ?? 8682),
  durable: true,
  env: process.env,
  log: (m) => console.log(m),
}).catch((err: Error) => {
  console.error(`Local stack failed to start: ${err.message}`);
  process.exit(1);
});

console.log(`
Halo Bestie local stack ready in ${Math.round(performance.now() - t0)} ms
  base URL            ${stack.baseUrl}
  API reference       ${stack.baseUrl}/docs
  Postgres            ${stack.databaseUrl}
  Firestore emulator  ${stack.firestoreHost}   (FIRESTORE_EMULATOR_HOST)
  Xendit              ${stack.xenditUrl ? `${stack.xenditUrl}   (fake; POST /_fake/invoices/:id/pay fires the callback)` : 'XENDIT_API_BASE_URL'}
  Push recorder       ${stack.baseUrl}/internal/_test/push?user_id=…
Ctrl-C to stop.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    stack.stop().then(
      () => process.exit(0),
      (err: Error) => {
        console.error(err.message);
        process.exit(1);
      },
    );
  });
}
