import { AppError } from '../errors';
import { commitWithEffects, effect, type Tx } from '../outbox';
import { capacityUsed, findSession, startSession, type SessionRow } from '../sessions';
import { lockMitra } from '../users';
import type { PairingDeps } from './deps';
import { customerPushes, offerEndings, withdrawnPushes } from './effects';
import { pairingDocPath } from './paths';
import { findRequest, setRequestStatus, type ChatRequestRow } from './repo/chat-requests';
import {
  findNotification,
  mitrasWithNotificationStatus,
  transitionNotifications,
} from './repo/chat-request-notifications';
import { queueMoved } from './queue-status';
import { pairingDoc } from './views';
import { buildPush } from '../push';

/**
 * Exactly one winner under any concurrency. Lock order everywhere: mitra → request → notifications;
 * row locks are FOR NO KEY UPDATE so the foreign-key checks of concurrent inserts never wait on them.
 * The mitra row lock makes the capacity check hold across different requests; the request row lock
 * makes the first accept win. The winner retrying gets its session again.
 */
export async function acceptRequest(deps: PairingDeps, mitraId: string, requestId: string) {
  const cfg = await deps.config.get();
  const now = deps.clock.now();
  const won = await commitWithEffects(deps, async (t) => {
    const mitra = await lockMitra(t, mitraId);
    if (!mitra?.is_active) throw new AppError('ACCOUNT_INACTIVE');
    const r = await findRequest(t, requestId, true);
    if (!r) throw new AppError('NOT_FOUND', 'Permintaan tidak ditemukan');
    const n = await findNotification(t, requestId, mitraId, true);
    if (!n) throw new AppError('FORBIDDEN', 'Permintaan ini tidak ditawarkan kepadamu');
    if (r.status === 'accepted') {
      if (r.accepted_by === mitraId) return (await findSession(t, r.session_id!))!;
      throw new AppError('REQUEST_TAKEN'); // their offer closed when the winner took it
    }
    if (r.status === 'cancelled') throw new AppError('REQUEST_CANCELLED');
    if (r.status === 'expired' || r.expires_at <= now) throw new AppError('REQUEST_EXPIRED');
    // An ignored (timed-out) offer may still be taken while the request searches; a rejected one may not.
    if (n.status === 'rejected') throw new AppError('REQUEST_REJECTED');
    if ((await capacityUsed(t, mitraId)) >= cfg.max_customers_per_mitra) throw new AppError('CAPACITY_FULL');

    const session = await startSession(t, sessionStartOf(r, mitraId), now, cfg.payment_hold_seconds);
    await setRequestStatus(t, r.id, 'accepted', now, { accepted_by: mitraId, session_id: session.id });
    await transitionNotifications(t, r.id, ['offered', 'ignored'], 'accepted', now, null, { mitraId });
    // Taken first by another: only unanswered offers are 'missed'; an ignored one keeps its outcome, its doc closes.
    const missed = await transitionNotifications(t, r.id, ['offered'], 'missed', now, 'accepted_by_other');
    const losers = [...missed, ...(await mitrasWithNotificationStatus(t, r.id, 'ignored'))];
    await t.enqueue(await acceptEffects(t, r, session, mitra.display_name, losers, now));
    return session;
  });
  return { session_id: won.id, session_status: won.status };
}

const sessionStartOf = (r: ChatRequestRow, mitraId: string) => ({
  request_id: r.id,
  customer_id: r.customer_id,
  mitra_id: mitraId,
  topic_sensitivity: r.topic_sensitivity,
  is_free_trial: r.is_free_trial,
  tier_id: r.tier_id,
  duration_minutes: r.duration_minutes,
  price_idr: r.price_idr,
});

/** The winner's and losers' offer docs, the customer's pairing doc and push. */
async function acceptEffects(
  t: Tx,
  r: ChatRequestRow,
  session: SessionRow,
  mitraName: string,
  losers: string[],
  now: Date,
) {
  const paired = pairingDoc({ status: 'paired', request_id: r.id, session_id: session.id, mitra_name: mitraName }, now);
  return [
    ...offerEndings([session.mitra_id], r.id, { status: 'accepted', session_id: session.id }, now),
    ...offerEndings(losers, r.id, { status: 'missed' }, now),
    ...(await withdrawnPushes(t, losers, r.id, 'taken')),
    { item: effect.setDoc(pairingDocPath(r.customer_id), paired.data, paired.merge) },
    ...(await customerPushes(
      t,
      r.customer_id,
      buildPush('paired', { session_id: session.id, mitra_name: mitraName }),
      `paired:${session.id}`,
    )),
    queueMoved(now),
  ];
}
