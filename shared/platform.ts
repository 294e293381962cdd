import type { Clock } from './clock';
import type { Db } from './db/pool';
import type { Env } from './env';
import type { Logger } from './logger';
import type { OutboxRelay } from './outbox';
import type { Realtime } from './ports/realtime';

/**
 * What every function's process has, whatever it serves: the env, the logger, the clock, the database,
 * Firestore and the relay that delivers committed effects. A function's composition builds its features'
 * deps from this plus the adapters only it uses (auth's OTP provider, payment-webhook's Xendit, …).
 */
export interface Platform {
  env: Env;
  logger: Logger;
  clock: Clock;
  db: Db;
  realtime: Realtime;
  relay: OutboxRelay;
}
