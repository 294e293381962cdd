import type { Clock } from '../clock';
import { configReader, type ConfigReader } from '../config/reader';
import type { Db } from '../db/pool';
import type { Logger } from '../logger';
import type { OutboxRelay } from '../outbox/relay';
import type { Runtime } from '../runtime';

/** Everything a pairing use case needs; built once per runtime so the availability cache is per instance. */
export interface PairingDeps {
  db: Db;
  clock: Clock;
  config: ConfigReader;
  outbox: OutboxRelay;
  logger: Logger;
  blastTopic: string;
  heartbeatCadenceSeconds: number;
  /** GET /api/client/availability is polled by every customer's beacon: one count per instance per 5 s. */
  availabilityCache: { at: number; count: number } | undefined;
}

const perRuntime = new WeakMap<Runtime, PairingDeps>();

export function pairingDeps(rt: Runtime): PairingDeps {
  let deps = perRuntime.get(rt);
  if (!deps) {
    deps = {
      db: rt.db,
      clock: rt.clock,
      config: configReader(rt),
      outbox: rt.outbox,
      logger: rt.logger,
      blastTopic: rt.env.PUBSUB_PAIRING_TOPIC,
      heartbeatCadenceSeconds: rt.env.MITRA_HEARTBEAT_CADENCE_SECONDS,
      availabilityCache: undefined,
    };
    perRuntime.set(rt, deps);
  }
  return deps;
}
