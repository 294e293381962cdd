import { effect, type Tx } from '../outbox';
import { buildPush } from '../push';
import { customerPushes, offerEndings, withdrawnPushes } from './effects';
import { releaseTrial } from './free-trial';
import { pairingDocPath } from './paths';
import { setRequestStatus, type ChatRequestRow } from './repo/chat-requests';
import { mitrasWithNotificationStatus, transitionNotifications } from './repo/chat-request-notifications';
import { queueMoved } from './queue-status';
import { pairingDoc } from './views';

/**
 * Expires a searching request whose row the caller holds locked (its timer, or the customer asking again
 * when the timer is late). Offers still unanswered are withdrawn ('expired'); one already timed out keeps
 * its 'ignored' outcome. Every open offer's doc shows 'expired'; the customer is told once (doc +
 * deduplicated push). A free trial it claimed is given back: the request ended without a session.
 */
export async function expireLockedRequest(c: Tx, r: ChatRequestRow, now: Date): Promise<void> {
  await setRequestStatus(c, r.id, 'expired', now);
  await releaseTrial(c, r);
  const withdrawn = await transitionNotifications(c, r.id, ['offered'], 'expired', now, 'request_expired');
  const open = [...withdrawn, ...(await mitrasWithNotificationStatus(c, r.id, 'ignored'))];
  const doc = pairingDoc({ status: 'expired', request_id: r.id }, now);
  await c.enqueue([
    ...offerEndings(open, r.id, { status: 'expired' }, now),
    ...(await withdrawnPushes(c, open, r.id, 'expired')),
    queueMoved(now),
    { item: effect.setDoc(pairingDocPath(r.customer_id), doc.data, doc.merge) },
    ...(await customerPushes(
      c,
      r.customer_id,
      buildPush('pairing_expired', { request_id: r.id }),
      `pairing-expired:${r.id}`,
    )),
  ]);
}
