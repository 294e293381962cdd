import type { Clock } from './clock';
import { configReader, type ConfigReader } from './config';
import type { Db } from './db/pool';
import type { Logger } from './logger';
import { type OutboxRelay } from './outbox';
import type { Runtime } from './runtime';

/** What most use cases take from the runtime; a feature's deps add their own to it. */
export interface FeatureDeps {
  db: Db;
  clock: Clock;
  config: ConfigReader;
  /** Delivers committed effects; `commitWithEffects` wakes it. */
  relay: OutboxRelay;
  logger: Logger;
}

export function featureDeps(rt: Runtime, logger: Logger = rt.logger): FeatureDeps {
  return { db: rt.db, clock: rt.clock, config: configReader(rt), relay: rt.relay, logger };
}

/** Builds once per runtime, so state held in what it builds (a cache) lives as long as the instance. */
export function oncePerRuntime<T>(build: (rt: Runtime) => T): (rt: Runtime) => T {
  const built = new WeakMap<Runtime, T>();
  return (rt) => {
    let value = built.get(rt);
    if (value === undefined) built.set(rt, (value = build(rt)));
    return value;
  };
}
