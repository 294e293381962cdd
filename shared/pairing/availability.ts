import type { AppConfig } from '../config';
import { CAPACITY_STATUSES } from '../sessions';
import { availableMitras } from '../users';
import type { PairingDeps } from './deps';

const CACHE_MS = 5000;

/** What "available" means now (SPEC §6): online, a fresh heartbeat, a place free among live sessions. */
export const availabilityAt = (cfg: AppConfig, now: Date) => ({
  now,
  staleSeconds: cfg.mitra_stale_after_seconds,
  maxSessions: cfg.max_customers_per_mitra,
  liveStatuses: CAPACITY_STATUSES,
});

/** How many mitras are available now, cached per instance for 5 s (SPEC: ≤ 10 s); every customer's beacon polls it. */
export async function availableMitraCount(deps: PairingDeps): Promise<number> {
  const cached = deps.availabilityCache;
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.count;
  const cfg = await deps.config.get();
  const count = (await availableMitras(deps.db, availabilityAt(cfg, deps.clock.now()))).length;
  deps.availabilityCache = { at: Date.now(), count };
  return count;
}
