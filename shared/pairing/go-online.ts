import { commitWithEffects } from '../outbox';
import { AppError } from '../errors';
import { setMitraOnline } from '../users';

import type { PairingDeps } from './deps';
import { offerWaitingRequestsTo } from './reoffer';
import { mitraStatus } from './status';

/**
 * Online is an explicit act (the heartbeat never turns a mitra online). A mitra that comes online while
 * requests are searching is offered the oldest it is eligible for, up to its free places: one INSERT,
 * one batch of effects per request.
 */
export async function goOnline(deps: PairingDeps, mitraId: string) {
  const now = deps.clock.now();
  const offered = await commitWithEffects(deps, async (c) => {
    if (!(await setMitraOnline(c, mitraId, true, now))) throw new AppError('ACCOUNT_INACTIVE');
    return (await offerWaitingRequestsTo(c, deps, mitraId, now)).length;
  });
  return { ...(await mitraStatus(deps, mitraId)), offered_requests: offered };
}
