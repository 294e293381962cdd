import type { Clock } from '../clock';
import { configReader, type ConfigReader } from '../config/reader';
import type { Db } from '../db/pool';
import type { Logger } from '../logger';
import type { OutboxRelay } from '../outbox/relay';
import type { Realtime } from '../ports/realtime';
import type { Runtime } from '../runtime';

/** What the sessions use cases need. `realtime` only for the ephemeral typing doc (no outbox row per keystroke). */
export interface SessionsDeps {
  db: Db;
  clock: Clock;
  config: ConfigReader;
  outbox: OutboxRelay;
  realtime: Realtime;
  logger: Logger;
}

const perRuntime = new WeakMap<Runtime, SessionsDeps>();

export function sessionsDeps(rt: Runtime): SessionsDeps {
  let deps = perRuntime.get(rt);
  if (!deps) {
    deps = {
      db: rt.db,
      clock: rt.clock,
      config: configReader(rt),
      outbox: rt.outbox,
      realtime: rt.realtime,
      logger: rt.logger.child({ feature: 'sessions' }),
    };
    perRuntime.set(rt, deps);
  }
  return deps;
}
