import { parseEnv } from '../shared/env';
import { rebuildMirror } from '../shared/mirror';
import { createRuntime } from '../shared/runtime';

/**
 * `npm run mirror:rebuild`: rewrites every Firestore document the apps listen to from Postgres, then
 * delivers the outbox. Idempotent; in GCP the same entry runs as a Cloud Run job for disaster recovery.
 */
const rt = await createRuntime(parseEnv(process.env, []));
try {
  const counts = await rebuildMirror(rt);
  const delivered = await rt.relay.drainAll();
  console.log(JSON.stringify({ ...counts, delivered }));
} finally {
  await rt.close();
}
