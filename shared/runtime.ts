import { generateKeyPairSync } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { AdjustableClock, systemClock, type Clock } from './clock';
import { allowedServiceAccounts, functionUrls, type Env } from './env';
import type { Db } from './db/pool';
import { openDatabase } from './database';
import type { SqlConnector } from './adapters/gcp/cloud-sql';
import { createLogger, type LogOptions, type Logger } from './logger';
import { OutboxRelay } from './outbox';
import type { EventBus } from './ports/event-bus';
import type { Push } from './ports/push';
import type { Realtime } from './ports/realtime';
import type { TaskScheduler } from './ports/task-scheduler';
import type { OtpProvider } from './ports/otp-provider';
import type { PaymentProvider } from './ports/payment-provider';
import { googleOidcVerifier, type OidcVerifier } from './security/oidc';
import { CloudTasksScheduler } from './adapters/gcp/cloud-tasks';
import { FcmPush } from './adapters/gcp/fcm';
import { FirestoreRealtime } from './adapters/gcp/firestore-realtime';
import { PubSubEventBus } from './adapters/gcp/pubsub';
import { XenditProvider } from './adapters/gcp/xendit';
import { fazpassFromEnv } from './adapters/gcp/fazpass';
import { createLocalControls, loadClockOffset, type LocalControls } from './adapters/local/controls';
import { LocalEventBus, type LocalSubscription } from './adapters/local/event-bus';
import { LocalOidcIssuer } from './adapters/local/oidc-issuer';
import { PushRecorder } from './adapters/local/push-recorder';
import { StubOtpProvider } from './adapters/local/stub-otp-provider';
import { LocalTaskScheduler } from './adapters/local/task-scheduler';
import { IamFirebaseTokenMinter } from './adapters/gcp/iam-firebase-token';
import {
  APPLE_ISSUERS,
  GOOGLE_ISSUERS,
  jwksIdTokenVerifier,
  LocalKeyTokenMinter,
  type FirebaseTokenMinter,
  type IdTokenVerifier,
} from './auth';
import { subscriptions } from './subscriptions';
import { deleteUnregisteredToken } from './users';

export type { LocalControls };

/** The adapters behind every port, chosen once per process from env. Services are built by their features. */
export interface Runtime {
  env: Env;
  logger: Logger;
  clock: Clock;
  db: Db;
  scheduler: TaskScheduler;
  eventBus: EventBus;
  realtime: Realtime;
  push: Push;
  relay: OutboxRelay;
  oidc: OidcVerifier;
  otpProvider: OtpProvider;
  idTokens: { google?: IdTokenVerifier; apple?: IdTokenVerifier };
  /** In GCP only where FIREBASE_SIGNER_SERVICE_ACCOUNT is set (the auth function); always outside production. */
  firebase?: FirebaseTokenMinter;
  payments: PaymentProvider;
  /** Verifies IAP's signed header when IAP_AUDIENCE is set. */
  iap?: { verify(assertion: string): Promise<void> };
  /** Only in the local stack and tests. */
  local?: LocalControls;
  close(): Promise<void>;
}

export async function createRuntime(
  env: Env,
  options: {
    logger?: Logger;
    subscriptions?: LocalSubscription[];
    /** Stands in for the Cloud SQL connector (tests). */
    cloudSqlConnector?: () => Promise<SqlConnector>;
  } = {},
): Promise<Runtime> {
  const logger = options.logger ?? createLogger(env.LOG_LEVEL, { service: 'halobestie' }, undefined, logOptions(env));
  const db = openDatabase(env, { connector: options.cloudSqlConnector });
  const realtime = new FirestoreRealtime(env.FIREBASE_PROJECT_ID ?? env.GCP_PROJECT_ID);
  const gcp = env.RUNTIME === 'gcp';

  let local: LocalControls | undefined;
  let clock: Clock;
  let scheduler: TaskScheduler;
  let eventBus: EventBus;
  let push: Push;
  let oidc: OidcVerifier;
  if (gcp) {
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
    const adjustable = new AdjustableClock(await loadClockOffset(db));
    const issuer = await LocalOidcIssuer.create();
    const pushRecorder = new PushRecorder(db, adjustable);
    clock = adjustable;
    const localScheduler = new LocalTaskScheduler(db, adjustable);
    const localBus = new LocalEventBus(db, adjustable, options.subscriptions ?? subscriptions(env), env.GCP_PROJECT_ID);
    scheduler = localScheduler;
    eventBus = localBus;
    push = pushRecorder;
    oidc = issuer.verifier(env.OIDC_AUDIENCE);
    local = createLocalControls({
      wakeOn: [localScheduler, localBus],
      db,
      clock: adjustable,
      issuer,
      pushRecorder,
      scheduler,
      relay: () => relay,
      logger,
      audience: env.OIDC_AUDIENCE,
      queueName: env.TASKS_QUEUE,
    });
  }

  const relay = new OutboxRelay({
    db,
    scheduler,
    eventBus,
    realtime,
    push,
    logger,
    onUnregisteredToken: (m) => deleteUnregisteredToken(db, m.token),
    now: () => clock.now(),
  });

  return {
    env,
    logger,
    clock,
    db,
    scheduler,
    eventBus,
    realtime,
    push,
    relay,
    oidc,
    otpProvider: env.OTP_PROVIDER === 'fazpass' ? fazpassFromEnv(env) : new StubOtpProvider(db, logger),
    idTokens: idTokenVerifiers(env),
    firebase: firebaseMinter(env, clock),
    payments: new XenditProvider(env.XENDIT_API_BASE_URL, env.XENDIT_SECRET_KEY ?? ''),
    iap: iapVerifier(env),
    local,
    async close() {
      await local?.dispatcher?.stop();
      await realtime.close();
      await db.end();
    },
  };
}

/** Readable lines in a terminal (npm start), JSON for Cloud Logging; errors grouped per service and revision. */
export function logOptions(env: Env, stdoutIsTty = Boolean(process.stdout.isTTY)): LogOptions {
  return {
    format: env.LOG_FORMAT === 'auto' ? (stdoutIsTty ? 'pretty' : 'json') : env.LOG_FORMAT,
    serviceContext: { service: env.K_SERVICE ?? 'halobestie', version: env.K_REVISION ?? 'local' },
  };
}

const list = (v?: string) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function idTokenVerifiers(env: Env): Runtime['idTokens'] {
  return {
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
}

/**
 * In GCP, Google signs Firebase custom tokens as the auth function's own service account (IAM signJwt,
 * no key file); outside production a throwaway key does (the emulator does not check the signature).
 */
function firebaseMinter(env: Env, clock: Clock): FirebaseTokenMinter | undefined {
  if (env.RUNTIME === 'gcp') {
    return env.FIREBASE_SIGNER_SERVICE_ACCOUNT
      ? new IamFirebaseTokenMinter(env.FIREBASE_SIGNER_SERVICE_ACCOUNT, clock)
      : undefined;
  }
  if (env.NODE_ENV === 'production') return undefined;
  const throwaway = () =>
    generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return new LocalKeyTokenMinter('local-firebase@halobestie.invalid', throwaway, clock);
}

function iapVerifier(env: Env): Runtime['iap'] {
  if (!env.IAP_AUDIENCE) return undefined;
  const keys = createRemoteJWKSet(new URL(env.IAP_JWKS_URL));
  return {
    async verify(assertion: string) {
      await jwtVerify(assertion, keys, {
        issuer: 'https://cloud.google.com/iap',
        audience: env.IAP_AUDIENCE,
        algorithms: ['ES256'],
      });
    },
  };
}
