import { parseEnv } from '../shared/env';
import { rebuildMirror } from '../shared/mirror';
import { createRuntime } from '../shared/runtime';

/**
 * The mirror-rebuild Cloud Run job (disaster recovery): rewrites every Firestore document the apps listen
 * to from Postgres, then delivers the outbox. Idempotent. Locally: `npm run mirror:rebuild`
 * (scripts/local/mirror-rebuild.ts).
 */
const rt = await createRuntime(parseEnv(process.env, []));
try {
  const counts = await rebuildMirror(rt);
  const delivered = await rt.relay.drainAll();
  console.log(JSON.stringify({ ...counts, delivered }));
} finally {
  await rt.close();
}
