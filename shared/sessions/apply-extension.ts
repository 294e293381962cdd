import type { PoolClient } from 'pg';
import { enqueueMany } from '../outbox/outbox';
import { buildPush } from '../push/build';
import type { SessionsDeps } from './deps';
import { bothSidesPush, sessionDocEntries, timers } from './effects';
import { findExtension, moveExtension } from './extensions-repo';
import { findSession, updateSession } from './repo';

/**
 * The extension's payment settled: `ends_at` moves by the tier's minutes (from the later of the old
 * end and now: minutes spent paying are not lost), `expired → active`, a new expiry task for the new
 * version. The old expiry task, if it still fires, finds an older version and does nothing. In the
 * caller's transaction; false when the extension or the session had moved on (lapsed, cancelled, ended).
 * Lock order as everywhere: session row, then extension row.
 */
export async function applyPaidExtension(
  c: PoolClient,
  _deps: Pick<SessionsDeps, 'config'>,
  extensionId: string,
  now: Date,
): Promise<boolean> {
  const e = await findExtension(c, extensionId);
  if (!e) return false;
  const seen = await findSession(c, e.session_id, true);
  if (!seen || seen.status !== 'expired' || !seen.ends_at) return false;
  if (!(await moveExtension(c, extensionId, ['accepted'], 'applied', now))) return false;
  const from = Math.max(seen.ends_at.getTime(), now.getTime());
  const s = await updateSession(
    c,
    seen.id,
    { from: ['expired'], version: seen.version },
    { status: 'active', ends_at: new Date(from + e.duration_minutes * 60_000), expired_at: null },
    now,
  );
  if (!s) return false;
  await enqueueMany(c, [
    ...(await sessionDocEntries(c, s.id)),
    timers.expire(s),
    ...(await bothSidesPush(
      c,
      s,
      () => buildPush('extension_applied', { session_id: s.id, extension_id: e.id }),
      `ext-applied:${e.id}`,
    )),
  ]);
  return true;
}
