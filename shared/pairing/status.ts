import { AppError } from '../errors';
import { CAPACITY_STATUSES } from '../sessions';
import { presenceOf } from '../users';
import type { PairingDeps } from './deps';

/** A mitra's presence as the app shows it; `available` is the SPEC §6 predicate evaluated for this mitra. */
export async function mitraStatus(deps: PairingDeps, mitraId: string) {
  const cfg = await deps.config.get();
  const p = await presenceOf(deps.db, mitraId, CAPACITY_STATUSES);
  if (!p) throw new AppError('NOT_FOUND', 'Mitra tidak ditemukan');
  const now = deps.clock.now().getTime();
  const fresh = !!p.last_heartbeat_at && now - p.last_heartbeat_at.getTime() < cfg.mitra_stale_after_seconds * 1000;
  return {
    is_online: p.is_online,
    is_active: p.is_active,
    last_heartbeat_at: p.last_heartbeat_at?.toISOString() ?? null,
    active_session_count: p.active_session_count,
    available: p.is_online && p.is_active && fresh && p.active_session_count < cfg.max_customers_per_mitra,
    heartbeat_cadence_seconds: deps.heartbeatCadenceSeconds,
  };
}
export type MitraStatus = Awaited<ReturnType<typeof mitraStatus>>;
