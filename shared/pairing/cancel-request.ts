import { AppError } from '../errors';
import { commitWithEffects, effect, type Tx } from '../outbox';
import type { PairingDeps } from './deps';
import { offerEndings, withdrawnPushes } from './effects';
import { releaseTrial } from './free-trial';
import { pairingDocPath } from './paths';
import { findRequest, openRequestOf, setRequestStatus, type ChatRequestRow } from './repo/chat-requests';
import { mitrasWithNotificationStatus, transitionNotifications } from './repo/chat-request-notifications';
import { queueMoved } from './queue-status';
import { pairingDoc } from './views';

/** Cancelling twice is fine (the same answer); a request already taken or expired cannot be cancelled. */
export async function cancelRequest(deps: PairingDeps, customerId: string, requestId: string) {
  const now = deps.clock.now();
  const cancelled = await commitWithEffects(deps, async (c) => {
    const r = await findRequest(c, requestId, true);
    if (!r || r.customer_id !== customerId) throw new AppError('NOT_FOUND', 'Permintaan tidak ditemukan');
    if (r.status === 'accepted')
      throw new AppError('REQUEST_TAKEN', 'Sudah dapat Bestie', { session_id: r.session_id });
    if (r.status === 'expired') throw new AppError('REQUEST_EXPIRED');
    if (r.status === 'searching') await cancelLocked(c, r, now);
    return { request_id: r.id, status: 'cancelled' as const };
  });
  return cancelled;
}

/**
 * The customer's searching request, if any, cancelled in the caller's transaction (account deletion,
 * SPEC §14): the offers end as for the customer's own cancel. Answers its id.
 */
export async function cancelOpenRequestOf(t: Tx, customerId: string, now: Date): Promise<string | undefined> {
  const open = await openRequestOf(t, customerId);
  if (open) await cancelLocked(t, open, now);
  return open?.id;
}

/**
 * A searching request, locked by the caller: cancelled, a free trial it claimed given back (no session
 * came of it), its open offers withdrawn and the customer's doc told.
 */
async function cancelLocked(c: Tx, r: ChatRequestRow, now: Date) {
  await setRequestStatus(c, r.id, 'cancelled', now);
  await releaseTrial(c, r);
  // Only unanswered offers are withdrawn; an ignored one keeps its outcome but its doc closes too.
  const withdrawn = await transitionNotifications(c, r.id, ['offered'], 'cancelled', now, 'cancelled_by_customer');
  const open = [...withdrawn, ...(await mitrasWithNotificationStatus(c, r.id, 'ignored'))];
  const doc = pairingDoc({ status: 'cancelled', request_id: r.id }, now);
  await c.enqueue([
    ...offerEndings(open, r.id, { status: 'cancelled' }, now),
    ...(await withdrawnPushes(c, open, r.id, 'cancelled')),
    { item: effect.setDoc(pairingDocPath(r.customer_id), doc.data, doc.merge) },
    queueMoved(now),
  ]);
}
