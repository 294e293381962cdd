import type { Clock } from '../clock';
import type { Db } from '../db/pool';
import type { Env } from '../env';
import type { Logger } from '../logger';
import type { OutboxRelay } from '../outbox';
import type { EventBus } from '../ports/event-bus';
import type { Push } from '../ports/push';
import type { TaskScheduler } from '../ports/task-scheduler';
import type { OidcVerifier } from '../security/oidc';
import type { LocalControls } from './local/controls';

/** The adapters the relay delivers through, the clock and the OIDC check: Google's, or the local stack's. */
export interface CoreAdapters {
  clock: Clock;
  scheduler: TaskScheduler;
  eventBus: EventBus;
  push: Push;
  oidc: OidcVerifier;
  /** Only the local stack's: the controls its tests and routes steer the adapters with. */
  local?: LocalControls;
  close?(): Promise<void>;
}

export type AdapterFactory = (base: {
  env: Env;
  db: Db;
  logger: Logger;
  relay: () => OutboxRelay;
}) => Promise<CoreAdapters>;
