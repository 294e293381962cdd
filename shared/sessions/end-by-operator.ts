import type { Tx } from '../outbox';
import type { SessionsDeps } from './deps';
import { findSession, liveSessionIdsOf } from './repo/chat-sessions';
import { moveSession } from './transitions';
import type { SessionStatus, Side } from './types';

export type OperatorReason = 'customer_banned' | 'mitra_deactivated' | 'account_deleted';

/**
 * A ban, a deactivation or an account deletion ends the chat (SPEC §9, §14): an unpaid session is cancelled, an active or
 * expired one goes to closing with the operator's reason; closing, completed and cancelled stay.
 * In the caller's transaction; answers the status the session is in afterwards and whether it changed.
 */
export async function endSessionByOperator(
  t: Tx,
  deps: Pick<SessionsDeps, 'config' | 'clock' | 'onMitraFreed'>,
  sessionId: string,
  reason: OperatorReason,
  now: Date = deps.clock.now(),
): Promise<{ changed: boolean; status: SessionStatus | undefined }> {
  const s = await findSession(t, sessionId, true);
  if (!s) return { changed: false, status: undefined };
  const moved =
    s.status === 'pending_payment'
      ? await moveSession(t, deps, s.id, 'cancel', { now, reason })
      : s.status === 'active' || s.status === 'expired'
        ? await moveSession(t, deps, s.id, 'close', { now, version: s.version, reason })
        : undefined;
  return { changed: Boolean(moved), status: moved?.status ?? s.status };
}

/** Every live session of a banned customer, a deactivated mitra or a deleted account. */
export async function endSessionsOfUser(
  t: Tx,
  deps: Pick<SessionsDeps, 'config' | 'clock' | 'onMitraFreed'>,
  side: Side,
  userId: string,
  reason: OperatorReason,
  now: Date = deps.clock.now(),
): Promise<string[]> {
  const ended: string[] = [];
  for (const id of await liveSessionIdsOf(t, side, userId))
    if ((await endSessionByOperator(t, deps, id, reason, now)).changed) ended.push(id);
  return ended;
}
