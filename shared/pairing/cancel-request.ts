import { AppError } from '../errors';
import { commitWithEffects, effect } from '../outbox';
import type { PairingDeps } from './deps';
import { offerEndings, withdrawnPushes } from './effects';
import { releaseTrial } from './free-trial';
import { pairingDocPath } from './paths';
import { findRequest, setRequestStatus } from './repo/chat-requests';
import { transitionNotifications } from './repo/chat-request-notifications';
import { pairingDoc } from './views';

/** Cancelling twice is fine (the same answer); a request already taken or expired cannot be cancelled. */
export async function cancelRequest(deps: PairingDeps, customerId: string, requestId: string) {
  const now = deps.clock.now();
  const cancelled = await commitWithEffects(deps, async (c) => {
    const r = await findRequest(c, requestId, true);
    if (!r || r.customer_id !== customerId) throw new AppError('NOT_FOUND', 'Request not found');
    if (r.status === 'accepted')
      throw new AppError('REQUEST_TAKEN', 'Sudah dapat Bestie', { session_id: r.session_id });
    if (r.status === 'expired') throw new AppError('REQUEST_EXPIRED');
    if (r.status === 'searching') {
      await setRequestStatus(c, r.id, 'cancelled', now);
      await releaseTrial(c, r);
      const offered = await transitionNotifications(
        c,
        r.id,
        ['offered', 'ignored'],
        'cancelled',
        now,
        'cancelled_by_customer',
      );
      const doc = pairingDoc({ status: 'cancelled', request_id: r.id }, now);
      await c.enqueue([
        ...offerEndings(offered, r.id, { status: 'cancelled' }, now),
        ...(await withdrawnPushes(c, offered, r.id, 'cancelled')),
        { item: effect.setDoc(pairingDocPath(customerId), doc.data, doc.merge) },
      ]);
    }
    return { request_id: r.id, status: 'cancelled' as const };
  });
  return cancelled;
}
