import { EnvError, type Env } from './env';
import { openDatabase } from './adapters/database';
import type { SqlConnector } from './adapters/gcp/cloud-sql';
import type { AdapterFactory } from './adapters/core';
import { gcpAdapters } from './adapters/gcp';
import { FirestoreRealtime } from './adapters/gcp/firestore-realtime';
import type { LocalControls } from './adapters/local/controls';
import type { Platform } from './feature-deps';
import { createLogger, type LogOptions, type Logger } from './logger';
import { OutboxRelay } from './outbox';
import type { EventBus } from './ports/event-bus';
import type { Push } from './ports/push';
import type { Realtime } from './ports/realtime';
import type { TaskScheduler } from './ports/task-scheduler';
import type { OidcVerifier } from './security/oidc';
import { QUEUE_STATUS, queueStatusDocs } from './pairing';
import {
  MESSAGE_DOCS,
  MESSAGE_PUSHES,
  messageDocs,
  messagePushes,
  SESSION_COUNTERS,
  sessionCounterDocs,
} from './sessions';
import { deleteUnregisteredToken } from './users';

export type { LocalControls };
export type { AdapterFactory, CoreAdapters } from './adapters/core';

/**
 * What one process builds once: the platform every function shares (shared/feature-deps.ts), the OIDC
 * check of its private routes, and — in the local stack only — the controls of its embedded adapters.
 * Adapters only one function uses are built by that function's composition (functions/<fn>/app.ts).
 */
export interface Runtime extends Platform {
  /** What the relay delivers through (tasks, Pub/Sub, FCM). */
  scheduler: TaskScheduler;
  eventBus: EventBus;
  push: Push;
  oidc: OidcVerifier;
  /** Set only by the local stack's adapters (scripts/local/runtime.ts): its clock, dispatcher and recorders. */
  local?: LocalControls;
  close(): Promise<void>;
}

export async function createRuntime(
  env: Env,
  options: {
    logger?: Logger;
    /** The local stack's embedded adapters (scripts/local/runtime.ts); Google's by default. */
    adapters?: AdapterFactory;
    /** Stands in for the Cloud SQL connector (tests). */
    cloudSqlConnector?: () => Promise<SqlConnector>;
    /** Wraps what documents and pushes go out through (the tests check each against the published schemas). */
    observe?: { realtime?: (r: Realtime) => Realtime; push?: (p: Push) => Push };
  } = {},
): Promise<Runtime> {
  if (env.RUNTIME === 'local' && !options.adapters) {
    throw new EnvError([
      'RUNTIME: local runs only inside the local stack (npm start, the tests), which brings its adapters',
    ]);
  }
  const logger = options.logger ?? createLogger(env.LOG_LEVEL, { service: 'halobestie' }, undefined, logOptions(env));
  const db = openDatabase(env, { connector: options.cloudSqlConnector });
  const firestore = new FirestoreRealtime(env.FIREBASE_PROJECT_ID ?? env.GCP_PROJECT_ID);
  const realtime = options.observe?.realtime?.(firestore) ?? firestore;
  const adapters = await (options.adapters ?? gcpAdapters)({ env, db, logger, relay: () => relay });
  const { clock } = adapters;
  const push = options.observe?.push?.(adapters.push) ?? adapters.push;
  const relay = new OutboxRelay({
    db,
    scheduler: adapters.scheduler,
    eventBus: adapters.eventBus,
    realtime,
    push,
    logger,
    onUnregisteredToken: (m) => deleteUnregisteredToken(db, m.token),
    now: () => clock.now(),
    computers: {
      [SESSION_COUNTERS]: sessionCounterDocs,
      [MESSAGE_DOCS]: messageDocs,
      [QUEUE_STATUS]: (q, ids) => queueStatusDocs(q, ids, clock.now()),
    },
    pushComputers: { [MESSAGE_PUSHES]: messagePushes },
  });
  return {
    env,
    logger,
    clock,
    db,
    realtime,
    relay,
    scheduler: adapters.scheduler,
    eventBus: adapters.eventBus,
    push,
    oidc: adapters.oidc,
    local: adapters.local,
    async close() {
      await adapters.close?.();
      await firestore.close();
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
