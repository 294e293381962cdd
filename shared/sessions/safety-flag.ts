import type { Queryable } from '../db/pool';
import { effect, type OutboxEntry } from '../outbox';
import { mitraSessionDocPath } from './paths';
import { flagForSafety } from './repo/chat-sessions.safety';
import { safetyNotice } from './views';

/**
 * Safety screening (SPEC §15) marks a session through sessions, which owns the row and both session
 * documents: the flag operators filter on and, the first time a crisis notice is given, the notice in
 * the mitra's own view of the session. Runs in the caller's transaction; its entries go with the
 * caller's. `undefined` when the session does not exist.
 */
export async function flagSessionForSafety(
  t: Queryable,
  sessionId: string,
  notice: string | null,
  now: Date,
): Promise<{ customerId: string; mitraId: string; noticedNow: boolean; entries: OutboxEntry[] } | undefined> {
  const row = await flagForSafety(t, sessionId, notice, now);
  if (!row) return undefined;
  const entries: OutboxEntry[] =
    row.noticed_now && notice
      ? [
          {
            item: effect.setDoc(
              mitraSessionDocPath(row.mitra_id, sessionId),
              safetyNotice({ safety_notice: notice, safety_notice_at: now }),
            ),
          },
        ]
      : [];
  return { customerId: row.customer_id, mitraId: row.mitra_id, noticedNow: row.noticed_now, entries };
}
