import { AdjustableClock } from '../../shared/clock';
import type { Env } from '../../shared/env';
import { createLocalControls, loadClockOffset } from '../../shared/adapters/local/controls';
import { LocalEventBus, type LocalSubscription } from '../../shared/adapters/local/event-bus';
import { LocalOidcIssuer } from '../../shared/adapters/local/oidc-issuer';
import { PushRecorder } from '../../shared/adapters/local/push-recorder';
import { LocalTaskScheduler } from '../../shared/adapters/local/task-scheduler';
import { createRuntime, type AdapterFactory, type Runtime } from '../../shared/runtime';
import { CRON_JOBS } from './cron';
import { subscriptions as pushSubscriptions } from './subscriptions';

/**
 * The local stack's adapters: a Postgres-backed task table and Pub/Sub stand-in delivered as Google
 * would (OIDC-signed HTTP), an FCM recorder, an adjustable clock, and the controls the stack and the
 * tests steer them with. Only the local stack builds these: no function's production entry imports them.
 */
export function localAdapters(subscriptions?: LocalSubscription[]): AdapterFactory {
  return async ({ env, db, logger, relay }) => {
    const clock = new AdjustableClock(await loadClockOffset(db));
    const issuer = await LocalOidcIssuer.create();
    const pushRecorder = new PushRecorder(db, clock);
    const scheduler = new LocalTaskScheduler(db, clock);
    const eventBus = new LocalEventBus(db, clock, subscriptions ?? pushSubscriptions(env), env.GCP_PROJECT_ID);
    const local = createLocalControls({
      wakeOn: [scheduler, eventBus],
      db,
      clock,
      issuer,
      pushRecorder,
      scheduler,
      relay,
      logger,
      audience: env.OIDC_AUDIENCE,
      queueName: env.TASKS_QUEUE,
      cronJobs: CRON_JOBS,
    });
    return {
      clock,
      scheduler,
      eventBus,
      push: pushRecorder,
      oidc: issuer.verifier(env.OIDC_AUDIENCE),
      local,
      close: async () => local.dispatcher?.stop(),
    };
  };
}

/** A runtime over the local stack's adapters (RUNTIME=local): npm start, the tests, the benches. */
export function createLocalRuntime(
  env: Env,
  options: Omit<Parameters<typeof createRuntime>[1] & object, 'adapters'> & {
    subscriptions?: LocalSubscription[];
  } = {},
): Promise<Runtime> {
  const { subscriptions, ...rest } = options;
  return createRuntime(env, { ...rest, adapters: localAdapters(subscriptions) });
}
