import type { Clock } from '../clock';
import type { Db } from '../db/pool';
import type { Env } from '../env';
import { type OutboxRelay, type Tx } from '../outbox';
import type { Platform } from '../platform';
import { configReader, type ConfigReader } from './reader';

export interface ConfigDeps {
  db: Db;
  clock: Clock;
  env: Env;
  reader: ConfigReader;
  relay: OutboxRelay;
  /**
   * max_customers_per_mitra went up (in the change's transaction, with the new value): pairing, above
   * config, offers waiting requests to every mitra with a place now free — handed in by the composition.
   */
  onCapacityRaised?: (t: Tx, now: Date, maxCustomersPerMitra: number) => Promise<void>;
}

export function configDeps(rt: Platform): ConfigDeps {
  return { db: rt.db, clock: rt.clock, env: rt.env, reader: configReader(rt), relay: rt.relay };
}
