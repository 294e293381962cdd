import type { PoolClient } from 'pg';
import type { SessionsDeps } from './deps';
import { enterClosing } from './enter-closing';
import { findExtension, moveExtension } from './extensions-repo';
import { findSession } from './repo';

/**
 * The accepted extension's invoice expired: the extension lapses and the session goes to closing
 * (extension_lapsed). In the caller's transaction; false when it was no longer awaiting payment.
 */
export async function lapseExtension(
  c: PoolClient,
  deps: Pick<SessionsDeps, 'config'>,
  extensionId: string,
  now: Date,
): Promise<boolean> {
  const e = await findExtension(c, extensionId);
  if (!e) return false;
  const s = await findSession(c, e.session_id, true);
  if (!(await moveExtension(c, extensionId, ['accepted'], 'lapsed', now))) return false;
  if (s?.status === 'expired')
    await enterClosing(c, deps, s.id, { from: ['expired'], version: s.version }, 'extension_lapsed', now);
  return true;
}
