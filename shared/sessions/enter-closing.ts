import type { PoolClient } from 'pg';
import { enqueueMany } from '../outbox/outbox';
import type { SessionsDeps } from './deps';
import { bothSidesPush, sessionDocEntries, timers } from './effects';
import { cancelOpenExtensions } from './extensions-repo';
import { updateSession } from './repo';
import type { ClosingReason, SessionRow, SessionStatus } from './types';

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
    ...(await bothSidesPush(c, s, { type: 'session_closing', session_id: s.id, reason }, `closing:${s.id}`)),
  ]);
  return s;
}
