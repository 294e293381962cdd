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
import { CRON_JOBS, CRON_TASK_PREFIX } from './cron';
import { generateKeyPairSync } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { AccessTokens } from './auth/access-tokens';
import { FirebaseTokenMinter } from './auth/firebase-token';
import { APPLE_ISSUERS, GOOGLE_ISSUERS, jwksIdTokenVerifier, type IdTokenVerifier } from './auth/id-tokens';
import { signingKey } from './auth/keys';
import { RevocationCache } from './auth/revocations';
import type { RefreshPolicy } from './auth/refresh-sessions';
import { ConfigReader } from './config/reader';
import type { OtpProvider } from './ports/otp-provider';
import type { PaymentProvider } from './ports/payment-provider';
import { XenditProvider } from './adapters/gcp/xendit';
import { StubOtpProvider } from './adapters/local/stub-otp-provider';
import { RolePermissions } from './users/cc-users';
import { deleteUnregisteredToken } from './users/device-tokens';

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
  config: ConfigReader;
  accessTokens: AccessTokens;
  permissions: RolePermissions;
  refreshPolicy: RefreshPolicy;
  otpProvider: OtpProvider;
  idTokens: { google?: IdTokenVerifier; apple?: IdTokenVerifier };
  /** Only where FIREBASE_SERVICE_ACCOUNT_JSON is given (the auth function) or outside production. */
  firebase?: FirebaseTokenMinter;
  payments: PaymentProvider;
  /** Verifies IAP's signed header when IAP_AUDIENCE is set. */
  iap?: { verify(assertion: string): Promise<void> };
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
  /** Enqueues the Cloud Scheduler jobs whose current slot has not run yet (idempotent per slot). */
  tickCron(): Promise<void>;
}

const CLOCK_KEY = 'clock_offset_ms';

export async function createRuntime(
  env: Env,
  options: { logger?: Logger; subscriptions?: LocalSubscription[] } = {},
): Promise<Runtime> {
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
        this.dispatcher = new LocalDispatcher({
          db,
          clock: adjustable,
          issuer,
          audience: env.OIDC_AUDIENCE,
          deliver,
          logger,
          queueName: env.TASKS_QUEUE,
        });
        return this.dispatcher;
      },
      async advanceClock(seconds) {
        adjustable.advance(seconds);
        await db.query(
          `INSERT INTO local_state (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
          [CLOCK_KEY, JSON.stringify(adjustable.offsetMilliseconds)],
        );
        await this.tickCron();
        let tasksRun = 0;
        // Handlers may enqueue more work (a timer that schedules the next one); settle it all.
        for (let round = 0; round < 100; round++) {
          const relayed = await outboxRelay.drainAll();
          const ran = (await this.dispatcher?.runDue()) ?? { attempted: 0, tasks: 0 };
          tasksRun += ran.tasks;
          if (relayed === 0 && ran.attempted === 0) break;
        }
        return { now: adjustable.now(), tasksRun };
      },
      async tickCron() {
        const nowMs = adjustable.now().getTime();
        for (const job of CRON_JOBS) {
          const slot = Math.floor(nowMs / (job.everySeconds * 1000));
          await scheduler.schedule({
            name: `${CRON_TASK_PREFIX}${job.name}:${slot}`,
            path: job.path,
            body: {},
            runAt: new Date(slot * job.everySeconds * 1000),
          });
        }
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

  hooks.onUnregisteredToken = (m) => deleteUnregisteredToken(db, m.token);

  const current = signingKey(env.AUTH_SIGNING_KEY, env.AUTH_SIGNING_KEY_ID);
  const previous = env.AUTH_SIGNING_KEY_PREVIOUS
    ? signingKey(env.AUTH_SIGNING_KEY_PREVIOUS, env.AUTH_SIGNING_KEY_PREVIOUS_ID ?? 'previous')
    : undefined;
  const revocations = new RevocationCache(db, clock, env.REVOCATION_MAX_LAG_SECONDS, env.ACCESS_TOKEN_TTL_SECONDS);
  const accessTokens = new AccessTokens(
    current,
    previous,
    { issuer: env.AUTH_ISSUER, ttlSeconds: env.ACCESS_TOKEN_TTL_SECONDS },
    clock,
    revocations,
  );
  const list = (v?: string) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const idTokens = {
    google: env.GOOGLE_OAUTH_CLIENT_IDS
      ? jwksIdTokenVerifier({
          keys: env.GOOGLE_JWKS_URL,
          issuers: GOOGLE_ISSUERS,
          audiences: list(env.GOOGLE_OAUTH_CLIENT_IDS),
        })
      : undefined,
    apple: env.APPLE_SERVICES_ID
      ? jwksIdTokenVerifier({
          keys: env.APPLE_JWKS_URL,
          issuers: APPLE_ISSUERS,
          audiences: list(env.APPLE_SERVICES_ID),
        })
      : undefined,
  };
  const serviceAccount: { client_email: string; private_key: string | (() => string) } | undefined =
    env.FIREBASE_SERVICE_ACCOUNT_JSON
      ? (JSON.parse(env.FIREBASE_SERVICE_ACCOUNT_JSON) as { client_email: string; private_key: string })
      : env.NODE_ENV === 'production'
        ? undefined
        : { client_email: 'local-firebase@halobestie.invalid', private_key: localFirebaseKey };
  const iapKeys = env.IAP_AUDIENCE ? createRemoteJWKSet(new URL(env.IAP_JWKS_URL)) : undefined;
  const iap = iapKeys
    ? {
        async verify(assertion: string) {
          await jwtVerify(assertion, iapKeys, {
            issuer: 'https://cloud.google.com/iap',
            audience: env.IAP_AUDIENCE,
            algorithms: ['ES256'],
          });
        },
      }
    : undefined;

  return {
    env,
    logger,
    clock,
    db,
    scheduler,
    eventBus,
    realtime,
    push,
    outbox: outboxRelay,
    oidc,
    config: new ConfigReader(db, logger),
    accessTokens,
    permissions: new RolePermissions(db),
    refreshPolicy: { ttlDays: env.REFRESH_TOKEN_TTL_DAYS, reuseGraceSeconds: env.REFRESH_REUSE_GRACE_SECONDS },
    otpProvider: new StubOtpProvider(db, logger),
    idTokens,
    firebase: serviceAccount
      ? new FirebaseTokenMinter(serviceAccount.client_email, serviceAccount.private_key, clock)
      : undefined,
    payments: new XenditProvider(env.XENDIT_API_BASE_URL, env.XENDIT_SECRET_KEY ?? ''),
    iap,
    local,
    hooks,
    close,
  };
}

/** Outside production a throwaway key signs Firebase custom tokens (the emulator does not check them). */
function localFirebaseKey(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
}
