import { withBenchEnv } from '../bench/harness';
import { benchAuth } from '../bench/auth.bench';
import { benchPairing } from '../bench/pairing.bench';
import { benchTimers } from '../bench/timers.bench';

// `npm run bench`: performance figures live here, never in timed unit tests.
await withBenchEnv(async (env) => {
  console.log(`node ${process.version}, ${(await import('node:os')).cpus().length} cores\n`);
  await benchAuth(env);
  await benchPairing(env);
  await benchTimers(env);
});
