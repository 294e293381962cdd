import { tx } from '../db/tx';
import { enqueueMany } from '../outbox/outbox';
import { buildPush } from '../push/build';
import type { SessionsDeps } from './deps';
import { bothSidesPush, sessionDocEntries, timers } from './effects';
import { findSession, updateSession } from './repo';

/**
 * Timer at ends_at: `active → expired` (input locked, "time is up"), and the extension window starts.
 * Version-checked: a task for an older version (the session was extended: ends_at moved and the
 * version with it), a duplicate, or an early delivery changes nothing and still answers 2xx.
 */
export async function expireSession(deps: SessionsDeps, sessionId: string, version: number): Promise<boolean> {
  const now = deps.clock.now();
  const changed = await tx(deps.db, async (c) => {
    const seen = await findSession(c, sessionId, true);
    if (!seen || seen.status !== 'active' || seen.version !== version || !seen.ends_at || seen.ends_at > now)
      return false;
    const s = await updateSession(
      c,
      sessionId,
      { from: ['active'], version },
      { status: 'expired', expired_at: now },
      now,
    );
    if (!s) return false;
    await enqueueMany(c, [
      ...(await sessionDocEntries(c, s.id)),
      timers.extensionWindow(s, now),
      ...(await bothSidesPush(
        c,
        s,
        (to, other) => buildPush('time_up', { session_id: s.id, to, other_name: other }),
        `expired:${s.id}:v${s.version}`,
      )),
    ]);
    return true;
  });
  if (changed) deps.outbox.kick();
  return changed;
}
