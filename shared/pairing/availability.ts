import type { PairingDeps } from './deps';
import { availableMitras } from './presence-repo';

const CACHE_MS = 5000;

/** How many mitras are available now, cached per instance for 5 s (SPEC: ≤ 10 s); every customer's beacon polls it. */
export async function availableMitraCount(deps: PairingDeps): Promise<number> {
  const cached = deps.availabilityCache;
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.count;
  const cfg = await deps.config.get();
  const count = (
    await availableMitras(deps.db, deps.clock.now(), cfg.mitra_stale_after_seconds, cfg.max_customers_per_mitra)
  ).length;
  deps.availabilityCache = { at: Date.now(), count };
  return count;
}
