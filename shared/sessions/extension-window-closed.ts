import { tx } from '../db/tx';
import type { SessionsDeps } from './deps';
import { enterClosing } from './enter-closing';
import { findSession } from './repo';

/**
 * Timer at expiry + EXTENSION_WINDOW_SECONDS: the customer did not ask for an extension → closing
 * (time_up). An extension asked for in time has its own ending (answer, timeout, payment), so an open
 * one leaves the session alone; a stale version (extended, ended) or a duplicate does nothing.
 */
export async function extensionWindowClosed(deps: SessionsDeps, sessionId: string, version: number) {
  const now = deps.clock.now();
  const changed = await tx(deps.db, async (c) => {
    const s = await findSession(c, sessionId, true);
    if (!s || s.status !== 'expired' || s.version !== version) return false;
    const open = await c.query(
      "SELECT 1 FROM session_extensions WHERE session_id = $1 AND status IN ('requested', 'accepted')",
      [sessionId],
    );
    if (open.rowCount) return false;
    return Boolean(await enterClosing(c, deps, sessionId, { from: ['expired'], version }, 'time_up', now));
  });
  if (changed) deps.outbox.kick();
  return changed;
}
