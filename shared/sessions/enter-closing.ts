import type { PoolClient } from 'pg';
import { enqueueMany } from '../outbox/outbox';
import { buildPush } from '../push/build';
import type { SessionsDeps } from './deps';
import { bothSidesPush, sessionDocEntries, timers } from './effects';
import { cancelOpenExtensions } from './extensions-repo';
import { updateSession } from './repo';
import type { ClosingReason, SessionRow, SessionStatus, Side } from './types';

/**
 * Who is alerted that the session closes (SPEC §12 "the side concerned"): not the side whose own act
 * closed it, and not the customer of a rejected extension, whose `extension_answered` alert says so.
 */
const ALERTED: Record<ClosingReason, Side[]> = {
  time_up: ['customer', 'mitra'],
  extension_timeout: ['customer', 'mitra'],
  extension_lapsed: ['customer', 'mitra'],
  extension_rejected: [],
  ended_by_customer: ['mitra'],
  ended_by_mitra: ['customer'],
  customer_banned: ['mitra'],
  mitra_deactivated: ['customer'],
};

/**
 * → closing, from wherever the caller allows (and at the version it saw, for timers): the mitra's
 * place is freed (closing is not a capacity status), an open extension is cancelled, both sides are
 * told, and the closing grace starts (→ completed unless both goodbyes come first).
 */
export async function enterClosing(
  c: PoolClient,
  deps: Pick<SessionsDeps, 'config'>,
  sessionId: string,
  guard: { from: SessionStatus[]; version?: number },
  reason: ClosingReason,
  now: Date,
): Promise<SessionRow | undefined> {
  const cfg = await deps.config.get();
  const s = await updateSession(
    c,
    sessionId,
    guard,
    { status: 'closing', closing_at: now, closing_reason: reason },
    now,
  );
  if (!s) return undefined;
  await cancelOpenExtensions(c, s.id, now);
  await enqueueMany(c, [
    ...(await sessionDocEntries(c, s.id)),
    timers.closingGrace(s, now, cfg.closing_grace_seconds),
    ...(await bothSidesPush(
      c,
      s,
      (to, other) =>
        ALERTED[reason].includes(to)
          ? buildPush('session_closing', { session_id: s.id, reason, other_name: other })
          : buildPush('session_updated', { session_id: s.id, status: s.status }),
      `closing:${s.id}`,
    )),
  ]);
  return s;
}
