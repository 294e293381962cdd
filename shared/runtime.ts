import { AdjustableClock, systemClock, type Clock } from './clock';
import { allowedServiceAccounts, functionUrls, type Env } from './env';
import { createPool, type Db } from './db/pool';
import { createLogger, type Logger } from './logger';
import { OutboxRelay } from './outbox/relay';
import type { EventBus } from './ports/event-bus';
import type { Push, PushMessage } from './ports/push';
import type { Realtime } from './ports/realtime';
import type { TaskScheduler } from './ports/task-scheduler';
import { googleOidcVerifier, type OidcVerifier } from './security/oidc';
import { CloudTasksScheduler } from './adapters/gcp/cloud-tasks';
import { FcmPush } from './adapters/gcp/fcm';
import { FirestoreRealtime } from './adapters/gcp/firestore-realtime';
import { PubSubEventBus } from './adapters/gcp/pubsub';
import { LocalDispatcher, type Deliver } from './adapters/local/dispatcher';
import { LocalEventBus, type LocalSubscription } from './adapters/local/event-bus';
import { LocalOidcIssuer } from './adapters/local/oidc-issuer';
import { PushRecorder } from './adapters/local/push-recorder';
import { LocalTaskScheduler } from './adapters/local/task-scheduler';
import { subscriptions } from './subscriptions';

/** Everything a function needs from the outside world, chosen once per process from env. */
export interface Runtime {
  env: Env;
  logger: Logger;
  clock: Clock;
  db: Db;
  scheduler: TaskScheduler;
  eventBus: EventBus;
  realtime: Realtime;
  push: Push;
  outbox: OutboxRelay;
  oidc: OidcVerifier;
  /** Only in the local stack and tests. */
  local?: LocalControls;
  /** Hooks other services register (e.g. auth deletes unregistered device tokens). */
  hooks: { onUnregisteredToken?: (message: PushMessage) => Promise<void> };
  close(): Promise<void>;
}

export interface LocalControls {
  clock: AdjustableClock;
  issuer: LocalOidcIssuer;
  pushRecorder: PushRecorder;
  dispatcher?: LocalDispatcher;
  attachDispatcher(deliver: Deliver): LocalDispatcher;
  /** Moves the clock and runs every task and outbox row that became due; answers after they ran. */
  advanceClock(seconds: number): Promise<{ now: Date; tasksRun: number }>;
}

const CLOCK_KEY = 'clock_offset_ms';

export async function createRuntime(env: Env, options: { logger?: Logger; subscriptions?: LocalSubscription[] } = {}): Promise<Runtime> {
  const logger = options.logger ?? createLogger(env.LOG_LEVEL, { service: 'halobestie' });
  const db = createPool(env.DATABASE_URL, env.DATABASE_POOL_MAX);
  const realtime = new FirestoreRealtime(env.FIREBASE_PROJECT_ID ?? env.GCP_PROJECT_ID);
  const hooks: Runtime['hooks'] = {};
  const close = async () => {
    await local?.dispatcher?.stop();
    await realtime.close();
    await db.end();
  };

  let local: LocalControls | undefined;
  let clock: Clock;
  let scheduler: TaskScheduler;
  let eventBus: EventBus;
  let push: Push;
  let oidc: OidcVerifier;

  if (env.RUNTIME === 'gcp') {
    clock = systemClock;
    scheduler = new CloudTasksScheduler({
      projectId: env.GCP_PROJECT_ID,
      location: env.GCP_REGION,
      queue: env.TASKS_QUEUE,
      functionUrls: functionUrls(env),
      serviceAccountEmail: env.TASKS_INVOKER_SERVICE_ACCOUNT ?? '',
    });
    eventBus = new PubSubEventBus(env.GCP_PROJECT_ID);
    push = new FcmPush(env.FIREBASE_PROJECT_ID ?? env.GCP_PROJECT_ID);
    oidc = googleOidcVerifier(env.OIDC_AUDIENCE, allowedServiceAccounts(env));
  } else {
    const { rows } = await db.query<{ value: number }>('SELECT value FROM local_state WHERE key = $1', [CLOCK_KEY]);
    const adjustable = new AdjustableClock(Number(rows[0]?.value ?? 0));
    const issuer = await LocalOidcIssuer.create();
    const recorder = new PushRecorder(db);
    clock = adjustable;
    scheduler = new LocalTaskScheduler(db);
    eventBus = new LocalEventBus(db, adjustable, options.subscriptions ?? subscriptions(env), env.GCP_PROJECT_ID);
    push = recorder;
    oidc = issuer.verifier(env.OIDC_AUDIENCE);
    local = {
      clock: adjustable,
      issuer,
      pushRecorder: recorder,
      attachDispatcher(deliver) {
        this.dispatcher = new LocalDispatcher({ db, clock: adjustable, issuer, audience: env.OIDC_AUDIENCE, deliver, logger, queueName: env.TASKS_QUEUE });
        return this.dispatcher;
      },
      async advanceClock(seconds) {
        adjustable.advance(seconds);
        await db.query(
          `INSERT INTO local_state (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
          [CLOCK_KEY, JSON.stringify(adjustable.offsetMilliseconds)],
        );
        let tasksRun = 0;
        // Handlers may enqueue more work (a timer that schedules the next one); settle it all.
        for (let round = 0; round < 100; round++) {
          const relayed = await outboxRelay.drainAll();
          const ran = (await this.dispatcher?.runDue()) ?? 0;
          tasksRun += ran;
          if (relayed === 0 && ran === 0) break;
        }
        return { now: adjustable.now(), tasksRun };
      },
    };
  }

  const outboxRelay = new OutboxRelay({
    db,
    scheduler,
    eventBus,
    realtime,
    push,
    logger,
    onUnregisteredToken: (m) => hooks.onUnregisteredToken?.(m) ?? Promise.resolve(),
  });

  return { env, logger, clock, db, scheduler, eventBus, realtime, push, outbox: outboxRelay, oidc, local, hooks, close };
}
