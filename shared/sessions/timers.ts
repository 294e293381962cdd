import type { Clock } from '../clock';
import type { Db } from '../db/pool';
import { tx } from '../db/tx';
import { enqueue, outbox } from '../outbox/outbox';
import type { OutboxRelay } from '../outbox/relay';
import { findSession } from './repo';

/**
 * `active → expired` at ends_at. Idempotent and version-checked: a late, duplicated or stale task
 * (the session was extended, i.e. its version moved on) changes nothing and still answers 2xx.
 */
export async function expireSession(
  deps: { db: Db; clock: Clock; outbox: OutboxRelay },
  sessionId: string,
  version: number,
): Promise<boolean> {
  const now = deps.clock.now();
  const changed = await tx(deps.db, async (c) => {
    const s = await findSession(c, sessionId, true);
    if (!s || s.status !== 'active' || s.version !== version || !s.ends_at || s.ends_at > now) return false;
    await c.query("UPDATE chat_sessions SET status = 'expired', version = version + 1, updated_at = $2 WHERE id = $1", [
      sessionId,
      now,
    ]);
    await enqueue(
      c,
      outbox.setDoc(`sessions/${sessionId}`, {
        status: 'expired',
        version: s.version + 1,
        expired_at: now.toISOString(),
      }),
    );
    return true;
  });
  if (changed) deps.outbox.kick();
  return changed;
}
