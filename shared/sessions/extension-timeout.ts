import { tx } from '../db/tx';
import type { SessionsDeps } from './deps';
import { enterClosing } from './enter-closing';
import { findExtension, moveExtension } from './extensions-repo';
import { findSession } from './repo';

/**
 * Timer at respond_by: an extension the mitra did not answer → timed_out, and the session → closing.
 * Only from `requested`, so an answered extension, a duplicate or a late task does nothing.
 */
export async function extensionTimedOut(deps: SessionsDeps, extensionId: string): Promise<boolean> {
  const now = deps.clock.now();
  const changed = await tx(deps.db, async (c) => {
    const e = await findExtension(c, extensionId);
    if (!e || e.status !== 'requested' || e.respond_by > now) return false;
    const s = await findSession(c, e.session_id, true); // session row first: the lock order everywhere
    if (!(await moveExtension(c, extensionId, ['requested'], 'timed_out', now))) return false;
    if (s?.status === 'expired')
      await enterClosing(c, deps, s.id, { from: ['expired'], version: s.version }, 'extension_timeout', now);
    return true;
  });
  if (changed) deps.outbox.kick();
  return changed;
}
