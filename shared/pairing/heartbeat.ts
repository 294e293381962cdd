import { AppError } from '../errors';
import { touchHeartbeat } from '../users';
import type { PairingDeps } from './deps';

/** The hot path: exactly one primary-key UPDATE (a test asserts it); a deactivated mitra is a 403 with no extra query. */
export async function heartbeat(deps: PairingDeps, mitraId: string): Promise<void> {
  if (!(await touchHeartbeat(deps.db, mitraId, deps.clock.now()))) throw new AppError('ACCOUNT_INACTIVE');
}
