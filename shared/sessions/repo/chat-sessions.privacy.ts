import type { Queryable } from '../../db/pool';
import type { SessionRow, Side } from '../types';
import { COLUMNS } from './chat-sessions';
import { OPEN_REPORT_ON } from './reports';

/** The erasure's, the retention job's and the export's statements over chat_sessions (SPEC §14). */

/** A page of the user's session ids in id order (every session, whatever its state), after `afterId`. */
export async function sessionIdsPage(
  q: Queryable,
  side: Side,
  userId: string,
  afterId: string | undefined,
  limit: number,
): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT id FROM chat_sessions WHERE ${side}_id = $1 AND ($2::uuid IS NULL OR id > $2) ORDER BY id LIMIT $3`,
    [userId, afterId ?? null, limit],
  );
  return rows.map((r) => r.id);
}

/** The side's goodbye text in these sessions goes, except where a report is still open (legal hold). */
export async function eraseOwnGoodbyes(q: Queryable, side: Side, sessionIds: string[]): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `UPDATE chat_sessions s SET ${side}_goodbye = NULL
     WHERE s.id = ANY($1::uuid[]) AND s.${side}_goodbye IS NOT NULL AND NOT ${OPEN_REPORT_ON('s.id')} RETURNING s.id`,
    [sessionIds],
  );
  return rows.map((r) => r.id);
}

/** Completed before `cutoff`, bodies not yet purged, no open report: the oldest first. */
export async function unpurgedSessions(q: Queryable, cutoff: Date, limit: number): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT s.id FROM chat_sessions s
     WHERE s.status = 'completed' AND s.messages_purged_at IS NULL AND s.completed_at < $1
       AND NOT ${OPEN_REPORT_ON('s.id')}
     ORDER BY s.completed_at LIMIT $2`,
    [cutoff, limit],
  );
  return rows.map((r) => r.id);
}

/** The sessions among these with no message body left are purged: their goodbye texts go too. */
export async function markMessagesPurged(q: Queryable, sessionIds: string[], now: Date): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `UPDATE chat_sessions s SET messages_purged_at = $2, customer_goodbye = NULL, mitra_goodbye = NULL
     WHERE s.id = ANY($1::uuid[]) AND s.messages_purged_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM chat_messages m WHERE m.session_id = s.id AND m.removed_reason IS NULL)
     RETURNING s.id`,
    [sessionIds, now],
  );
  return rows.map((r) => r.id);
}

/** Every session of the user, oldest first (the export). */
export async function sessionsOf(q: Queryable, side: Side, userId: string): Promise<SessionRow[]> {
  const { rows } = await q.query<SessionRow>(
    `SELECT ${COLUMNS.join(', ')} FROM chat_sessions WHERE ${side}_id = $1 ORDER BY created_at, id`,
    [userId],
  );
  return rows;
}
