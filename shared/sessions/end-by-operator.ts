import type { PoolClient } from 'pg';
import { cancelUnpaidSession } from './cancel-unpaid-session';
import type { SessionsDeps } from './deps';
import { enterClosing } from './enter-closing';
import { findSession, liveSessionIdsOf } from './repo';
import type { SessionStatus, Side } from './types';

export type OperatorReason = 'customer_banned' | 'mitra_deactivated';

/**
 * A ban or a deactivation ends the chat (SPEC §9): an unpaid session is cancelled, an active or
 * expired one goes to closing with the operator's reason; closing, completed and cancelled stay.
 * In the caller's transaction; answers the status the session is in afterwards and whether it changed.
 */
export async function endSessionByOperator(
  c: PoolClient,
  deps: Pick<SessionsDeps, 'config' | 'clock'>,
  sessionId: string,
  reason: OperatorReason,
  now: Date = deps.clock.now(),
): Promise<{ changed: boolean; status: SessionStatus | undefined }> {
  const s = await findSession(c, sessionId, true);
  if (!s) return { changed: false, status: undefined };
  if (s.status === 'pending_payment') {
    const changed = await cancelUnpaidSession(c, deps, s.id, now, reason);
    return { changed, status: changed ? 'cancelled' : s.status };
  }
  if (s.status === 'active' || s.status === 'expired') {
    const moved = await enterClosing(c, deps, s.id, { from: [s.status], version: s.version }, reason, now);
    return { changed: Boolean(moved), status: moved?.status ?? s.status };
  }
  return { changed: false, status: s.status };
}

/** Every live session of a banned customer or a deactivated mitra. */
export async function endSessionsOfUser(
  c: PoolClient,
  deps: Pick<SessionsDeps, 'config' | 'clock'>,
  side: Side,
  userId: string,
  reason: OperatorReason,
  now: Date = deps.clock.now(),
): Promise<string[]> {
  const ended: string[] = [];
  for (const id of await liveSessionIdsOf(c, side, userId))
    if ((await endSessionByOperator(c, deps, id, reason, now)).changed) ended.push(id);
  return ended;
}
