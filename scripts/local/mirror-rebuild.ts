import { parseEnv } from '../../shared/env';
import { rebuildMirror } from '../../shared/mirror';
import { createLocalRuntime } from './runtime';

/**
 * `npm run mirror:rebuild` against the local stack's database and emulator (its DATABASE_URL and
 * FIRESTORE_EMULATOR_HOST): the same rebuild the Cloud Run job runs (scripts/mirror-rebuild.ts).
 */
const rt = await createLocalRuntime(parseEnv(process.env, []));
try {
  const counts = await rebuildMirror(rt);
  const delivered = await rt.relay.drainAll();
  console.log(JSON.stringify({ ...counts, delivered }));
} finally {
  await rt.close();
}
