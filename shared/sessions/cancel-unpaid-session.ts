import type { PoolClient } from 'pg';
import { enqueueMany } from '../outbox/outbox';
import { buildPush } from '../push/build';
import type { SessionsDeps } from './deps';
import { bothSidesPush, sessionDocEntries } from './effects';
import { updateSession } from './repo';

/**
 * `pending_payment → cancelled` (invoice expired, customer abandoned, operator): the mitra's place is
 * freed (cancelled holds no capacity) and both sides are told by the doc and a push. In the caller's
 * transaction; false when the session was no longer waiting for payment.
 */
export async function cancelUnpaidSession(
  c: PoolClient,
  _deps: Pick<SessionsDeps, 'config'>,
  sessionId: string,
  now: Date,
  reason: string,
): Promise<boolean> {
  const s = await updateSession(
    c,
    sessionId,
    { from: ['pending_payment'] },
    { status: 'cancelled', cancelled_at: now, cancel_reason: reason },
    now,
  );
  if (!s) return false;
  await enqueueMany(c, [
    ...(await sessionDocEntries(c, s.id)),
    ...(await bothSidesPush(
      c,
      s,
      (to, other) =>
        to === 'customer'
          ? buildPush('session_cancelled', { session_id: s.id, reason, mitra_name: other })
          : buildPush('session_updated', { session_id: s.id, status: s.status }),
      `cancelled:${s.id}`,
    )),
  ]);
  return true;
}
