import { AppError } from '../errors';
import type { PairingDeps } from './deps';
import { setOnline } from './presence-repo';
import { mitraStatus } from './status';

export async function goOffline(deps: PairingDeps, mitraId: string) {
  if (!(await setOnline(deps.db, mitraId, false, deps.clock.now()))) throw new AppError('ACCOUNT_INACTIVE');
  return mitraStatus(deps, mitraId);
}
