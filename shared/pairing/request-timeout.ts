import { commitWithEffects } from '../outbox';
import type { PairingDeps } from './deps';
import { expireLockedRequest } from './expire-request';
import { findRequest } from './repo/chat-requests';

/** Only a request still searching past its `expires_at` expires: duplicated, early or late deliveries are no-ops. */
export async function requestTimeout(deps: PairingDeps, requestId: string): Promise<boolean> {
  const now = deps.clock.now();
  const expired = await commitWithEffects(deps, async (c) => {
    const r = await findRequest(c, requestId, true);
    if (!r || r.status !== 'searching' || r.expires_at > now) return false;
    await expireLockedRequest(c, r, now);
    return true;
  });
  return expired;
}
