import { parseEnv } from '../shared/env';
import { createLogger } from '../shared/logger';
import { createLocalRuntime } from '../scripts/local/runtime';
import { createLocalGateway } from '../scripts/local/apps';
import type { BenchEnv } from './harness';
import { report } from './harness';
import { generateSigningKeyPem } from '../scripts/local/dev-keys';
import { FUNCTION_NAMES } from '../shared/path-table';

/** Local Cloud Tasks stand-in: schedule N timers, advance the clock, deliver them all over the app path. */
export async function benchTimers(env: BenchEnv): Promise<void> {
  const url = await env.databaseUrl('bench_timers');
  const rt = await createLocalRuntime(
    parseEnv(
      {
        DATABASE_URL: url,
        FIRESTORE_EMULATOR_HOST: env.firestoreHost,
        ENABLE_TEST_ROUTES: 'true',
        LOG_LEVEL: 'silent',
        AUTH_SIGNING_KEY: generateSigningKeyPem(),
      },
      FUNCTION_NAMES,
    ),
    { logger: createLogger('silent') },
  );
  const gateway = createLocalGateway(rt);
  rt.local!.attachDispatcher(
    async ({ path, headers, body }) =>
      (await gateway.fetch(new Request(`http://127.0.0.1${path}`, { method: 'POST', headers, body }))).status,
  );
  const n = 2000;
  const runAt = new Date(rt.clock.now().getTime() + 60_000);
  let t = performance.now();
  for (let i = 0; i < n; i++)
    await rt.scheduler.schedule({ name: `b-${i}`, path: '/tasks/_probe', body: { probe_id: 'bench' }, runAt });
  report('local timers: schedule', { tasks: n, per_s: Math.round(n / ((performance.now() - t) / 1000)) });
  t = performance.now();
  const { tasksRun } = await rt.local!.advanceClock(61);
  report('local timers: deliver (OIDC-signed, via app)', {
    tasks: tasksRun,
    per_s: Math.round(tasksRun / ((performance.now() - t) / 1000)),
  });
  await rt.close();
}
