import type { PoolClient } from 'pg';
import { tx } from '../db/tx';
import { AppError } from '../errors';
import { enqueueMany, outbox } from '../outbox/outbox';
import { capacityUsed, findSession, insertSession, sessionDoc, type SessionRow } from '../sessions/repo';
import { findCustomer } from '../users/customers';
import type { PairingDeps } from './deps';
import { customerPushes, offerEndings, withdrawnPushes } from './effects';
import { pairingDocPath, SESSION_EXPIRE_PATH, sessionDocPath } from './paths';
import { lockMitra } from './presence-repo';
import { findNotification, findRequest, setRequestStatus, transitionNotifications, type ChatRequestRow } from './repo';
import { pairingDoc } from './views';
import { invoiceTask } from '../payments/invoice-task';
import { buildPush } from '../push/build';
import { mitraSessionDocPath } from '../sessions/paths';
import { mitraSessionDoc } from '../sessions/views';

/**
 * Exactly one winner under any concurrency. Lock order everywhere: mitra → request → notifications;
 * row locks are FOR NO KEY UPDATE so the foreign-key checks of concurrent inserts never wait on them.
 * The mitra row lock makes the capacity check hold across different requests; the request row lock
 * makes the first accept win. The winner retrying gets its session again.
 */
export async function acceptRequest(deps: PairingDeps, mitraId: string, requestId: string) {
  const cfg = await deps.config.get();
  const now = deps.clock.now();
  const won = await tx(deps.db, async (c) => {
    const mitra = await lockMitra(c, mitraId);
    if (!mitra?.is_active) throw new AppError('ACCOUNT_INACTIVE');
    const r = await findRequest(c, requestId, true);
    if (!r) throw new AppError('NOT_FOUND', 'Request not found');
    const n = await findNotification(c, requestId, mitraId, true);
    if (!n) throw new AppError('FORBIDDEN', 'This request was not offered to you');
    if (r.status === 'accepted') {
      if (r.accepted_by === mitraId) return (await findSession(c, r.session_id!))!;
      throw new AppError('REQUEST_TAKEN'); // their offer is already 'missed'
    }
    if (r.status === 'cancelled') throw new AppError('REQUEST_CANCELLED');
    if (r.status === 'expired' || r.expires_at <= now) throw new AppError('REQUEST_EXPIRED');
    // An ignored (timed-out) offer may still be taken while the request searches; a rejected one may not.
    if (n.status === 'rejected') throw new AppError('REQUEST_REJECTED');
    if ((await capacityUsed(c, mitraId)) >= cfg.max_customers_per_mitra) throw new AppError('CAPACITY_FULL');

    const session = await startSession(c, r, mitraId, now);
    await setRequestStatus(c, r.id, 'accepted', now, { accepted_by: mitraId, session_id: session.id });
    await transitionNotifications(c, r.id, ['offered', 'ignored'], 'accepted', now, null, { mitraId });
    const losers = await transitionNotifications(c, r.id, ['offered', 'ignored'], 'missed', now, 'accepted_by_other');
    await enqueueMany(c, await acceptEffects(c, r, session, mitra.display_name, losers, now));
    return session;
  });
  deps.outbox.kick();
  return { session_id: won.id, session_status: won.status };
}

/** A free trial starts active with its expiry timer; a paid session waits for payment. */
async function startSession(c: PoolClient, r: ChatRequestRow, mitraId: string, now: Date): Promise<SessionRow> {
  const free = r.is_free_trial;
  try {
    return await insertSession(
      c,
      {
        request_id: r.id,
        customer_id: r.customer_id,
        mitra_id: mitraId,
        status: free ? 'active' : 'pending_payment',
        topic_sensitivity: r.topic_sensitivity,
        is_free_trial: free,
        tier_id: r.tier_id,
        duration_minutes: r.duration_minutes,
        price_idr: r.price_idr,
        started_at: free ? now : null,
        ends_at: free ? new Date(now.getTime() + r.duration_minutes * 60_000) : null,
      },
      now,
    );
  } catch (err) {
    // The one-live-session-per-customer index: the customer got a session another way meanwhile.
    if ((err as { code?: string }).code === '23505')
      throw new AppError('ALREADY_ACTIVE', 'Customer sudah punya sesi aktif');
    throw err;
  }
}

/** The winner's and losers' offer docs, the session doc, the customer's pairing doc and push: one statement. */
async function acceptEffects(
  c: PoolClient,
  r: ChatRequestRow,
  session: SessionRow,
  mitraName: string,
  losers: string[],
  now: Date,
) {
  const customer = (await findCustomer(c, r.customer_id))!;
  const names = { customer_name: customer.display_name, mitra_name: mitraName };
  const paired = pairingDoc({ status: 'paired', request_id: r.id, session_id: session.id, mitra_name: mitraName }, now);
  const expiry = session.ends_at
    ? [
        {
          item: outbox.task(
            `session-expire:${session.id}:v${session.version}`,
            SESSION_EXPIRE_PATH,
            { session_id: session.id, version: session.version },
            session.ends_at,
          ),
        },
      ]
    : [];
  return [
    ...expiry,
    // A paid session's invoice is created through the outbox: a provider outage delays it, never the accept.
    ...(session.status === 'pending_payment' ? [{ item: invoiceTask('session', session.id, now) }] : []),
    ...offerEndings([session.mitra_id], r.id, { status: 'accepted', session_id: session.id }, now),
    ...offerEndings(losers, r.id, { status: 'missed' }, now),
    ...(await withdrawnPushes(c, losers, r.id, 'taken')),
    { item: outbox.setDoc(sessionDocPath(session.id), sessionDoc(session, names), false) },
    { item: outbox.setDoc(mitraSessionDocPath(session.mitra_id, session.id), mitraSessionDoc(session), false) },
    { item: outbox.setDoc(pairingDocPath(r.customer_id), paired.data, paired.merge) },
    ...(await customerPushes(
      c,
      r.customer_id,
      buildPush('paired', { session_id: session.id, mitra_name: mitraName }),
      `paired:${session.id}`,
    )),
  ];
}
