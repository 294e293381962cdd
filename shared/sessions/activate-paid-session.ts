import type { PoolClient } from 'pg';
import { enqueueMany } from '../outbox/outbox';
import { buildPush } from '../push/build';
import type { SessionsDeps } from './deps';
import { bothSidesPush, sessionDocEntries, timers } from './effects';
import { findSession, updateSession } from './repo';

/**
 * Payment settled: `pending_payment → active` for the tier's minutes from now, with its expiry timer.
 * Runs in the caller's (the settlement's) transaction; false when the session had moved on
 * (cancelled meanwhile, or a replay after it activated).
 */
export async function activatePaidSession(
  c: PoolClient,
  _deps: Pick<SessionsDeps, 'config'>,
  sessionId: string,
  now: Date,
): Promise<boolean> {
  const seen = await findSession(c, sessionId, true);
  if (!seen || seen.status !== 'pending_payment') return false;
  const endsAt = new Date(now.getTime() + seen.duration_minutes * 60_000);
  const s = await updateSession(
    c,
    sessionId,
    { from: ['pending_payment'], version: seen.version },
    { status: 'active', started_at: now, ends_at: endsAt },
    now,
  );
  if (!s) return false;
  await enqueueMany(c, [
    ...(await sessionDocEntries(c, s.id)),
    timers.expire(s),
    ...(await bothSidesPush(
      c,
      s,
      (to, other) =>
        to === 'customer'
          ? buildPush('payment_confirmed', { session_id: s.id, mitra_name: other })
          : buildPush('session_started', { session_id: s.id, customer_name: other }),
      `active:${s.id}`,
    )),
  ]);
  return true;
}
