import { commitWithEffects } from '../outbox';
import type { SessionsDeps } from './deps';
import { findExtension, hasOpenExtension, moveExtension } from './repo/session-extensions';
import { findSession } from './repo/chat-sessions';
import { moveSession } from './transitions';

/**
 * The session's Cloud Tasks. Each is version-checked by its transition: a task for an older version
 * (the session was extended or ended meanwhile), a duplicate or an early delivery changes nothing, and
 * the route still answers 2xx so Cloud Tasks does not retry it.
 */

/** At ends_at: active → expired. */
export async function expireSession(deps: SessionsDeps, sessionId: string, version: number): Promise<boolean> {
  const now = deps.clock.now();
  return commitWithEffects(deps, async (t) =>
    Boolean(await moveSession(t, deps, sessionId, 'expire', { now, version })),
  );
}

/**
 * At expiry + the extension window: no extension asked for → closing (time_up). An extension asked for
 * in time has its own ending (answer, timeout, payment), so an open one leaves the session alone.
 */
export async function extensionWindowClosed(deps: SessionsDeps, sessionId: string, version: number) {
  const now = deps.clock.now();
  return commitWithEffects(deps, async (t) => {
    const s = await findSession(t, sessionId, true);
    if (!s || s.status !== 'expired' || s.version !== version) return false;
    if (await hasOpenExtension(t, sessionId)) return false;
    return Boolean(await moveSession(t, deps, sessionId, 'close', { now, version, reason: 'time_up' }));
  });
}

/** At respond_by: an extension the mitra did not answer → timed_out, and the session → closing. */
export async function extensionTimedOut(deps: SessionsDeps, extensionId: string): Promise<boolean> {
  const now = deps.clock.now();
  return commitWithEffects(deps, async (t) => {
    const e = await findExtension(t, extensionId);
    if (!e || e.status !== 'requested' || e.respond_by > now) return false;
    const s = await findSession(t, e.session_id, true); // session row first: the lock order everywhere
    if (!(await moveExtension(t, extensionId, ['requested'], 'timed_out', now))) return false;
    if (s?.status === 'expired')
      await moveSession(t, deps, s.id, 'close', { now, version: s.version, reason: 'extension_timeout' });
    return true;
  });
}

/**
 * payment_hold_seconds after a paid session started waiting: still unpaid → cancelled, its mitra freed
 * (SPEC §13), whatever the provider does. A payment that lands later is flagged for refund by the
 * settlement (paid_but_moved_on); one that landed first moved the version, so this task is stale.
 */
export async function paymentHoldEnded(deps: SessionsDeps, sessionId: string, version: number) {
  const now = deps.clock.now();
  return commitWithEffects(deps, async (t) =>
    Boolean(await moveSession(t, deps, sessionId, 'cancel', { now, version, reason: 'payment_hold_expired' })),
  );
}

/** closing_grace_seconds after closing: → completed, unless both goodbyes completed it already. */
export async function closingGraceEnded(deps: SessionsDeps, sessionId: string, version: number) {
  const now = deps.clock.now();
  return commitWithEffects(deps, async (t) =>
    Boolean(await moveSession(t, deps, sessionId, 'complete', { now, version })),
  );
}
