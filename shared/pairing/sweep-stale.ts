import { turnStaleOffline } from '../users';
import type { PairingDeps } from './deps';

/** Cloud Scheduler's minute job: one UPDATE; running it twice changes nothing more. */
export async function sweepStale(deps: PairingDeps): Promise<number> {
  const cfg = await deps.config.get();
  return (await turnStaleOffline(deps.db, deps.clock.now(), cfg.mitra_stale_after_seconds)).length;
}
