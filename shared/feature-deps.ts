import type { Clock } from './clock';
import { configReader, type ConfigReader } from './config';
import type { Db } from './db/pool';
import type { Logger } from './logger';
import { type OutboxRelay } from './outbox';
import type { Platform } from './platform';

export type { Platform };

/** What most use cases take from the platform; a feature's deps add their own to it. */
export interface FeatureDeps {
  db: Db;
  clock: Clock;
  config: ConfigReader;
  /** Delivers committed effects; `commitWithEffects` wakes it. */
  relay: OutboxRelay;
  logger: Logger;
}

export function featureDeps(p: Platform, logger: Logger = p.logger): FeatureDeps {
  return { db: p.db, clock: p.clock, config: configReader(p), relay: p.relay, logger };
}

/** Builds once per platform, so state held in what it builds (a cache) lives as long as the instance. */
export function oncePerPlatform<T>(build: (p: Platform) => T): (p: Platform) => T {
  const built = new WeakMap<Platform, T>();
  return (p) => {
    let value = built.get(p);
    if (value === undefined) built.set(p, (value = build(p)));
    return value;
  };
}
