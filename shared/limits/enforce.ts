import type { Clock } from '../clock';
import type { ConfigReader } from '../config';
import type { Queryable } from '../db/pool';
import { AppError } from '../errors';
import { LIMITS, type LimitKeys, type LimitName } from './catalogue';
import { takeTokens, type Bucket } from './repo/rate-limits';

export interface LimitDeps {
  db: Queryable;
  clock: Clock;
  config: ConfigReader;
}

/**
 * Takes one token from each of the named limit's buckets, or refuses with 429 RATE_LIMITED and the
 * seconds until it would pass. One statement in the database, so every instance shares the count.
 */
export async function enforceLimit<N extends LimitName>(deps: LimitDeps, name: N, ...keys: LimitKeys<N>) {
  const limits = (await deps.config.get()).limits;
  const buckets = (LIMITS[name] as unknown as (l: typeof limits, ...k: LimitKeys<N>) => Bucket[])(limits, ...keys);
  const wait = await takeTokens(deps.db, buckets, deps.clock.now());
  if (wait > 0) throw AppError.rateLimited('RATE_LIMITED', wait, undefined, { limit: name });
}
