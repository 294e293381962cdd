import type { AccessTokens } from '../auth/access-tokens';
import { authGuards } from '../auth/guards';
import type { Clock } from '../clock';
import { configReader, type ConfigReader } from '../config/reader';
import type { Db } from '../db/pool';
import type { Logger } from '../logger';
import type { OutboxRelay } from '../outbox/relay';
import type { Runtime } from '../runtime';

/** What the control-center use cases need; `tokens` so a revocation applies on this instance at once. */
export interface ControlCenterDeps {
  db: Db;
  clock: Clock;
  config: ConfigReader;
  outbox: OutboxRelay;
  logger: Logger;
  tokens: AccessTokens;
}

export function controlCenterDeps(rt: Runtime): ControlCenterDeps {
  return {
    db: rt.db,
    clock: rt.clock,
    config: configReader(rt),
    outbox: rt.outbox,
    logger: rt.logger,
    tokens: authGuards(rt).accessTokens,
  };
}
