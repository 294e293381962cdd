import type { Clock } from '../clock';
import type { Db } from '../db/pool';
import type { Env } from '../env';
import { type OutboxRelay } from '../outbox';
import type { Platform } from '../platform';
import { configReader, type ConfigReader } from './reader';

export interface ConfigDeps {
  db: Db;
  clock: Clock;
  env: Env;
  reader: ConfigReader;
  relay: OutboxRelay;
}

export function configDeps(rt: Platform): ConfigDeps {
  return { db: rt.db, clock: rt.clock, env: rt.env, reader: configReader(rt), relay: rt.relay };
}
