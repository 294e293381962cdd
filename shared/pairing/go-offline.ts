import { AppError } from '../errors';
import { setMitraOnline } from '../users';
import type { PairingDeps } from './deps';
import { mitraStatus } from './status';

export async function goOffline(deps: PairingDeps, mitraId: string) {
  if (!(await setMitraOnline(deps.db, mitraId, false, deps.clock.now()))) throw new AppError('ACCOUNT_INACTIVE');
  return mitraStatus(deps, mitraId);
}
