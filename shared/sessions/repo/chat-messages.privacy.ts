import type { Queryable } from '../../db/pool';
import type { Side } from '../types';
import { COLUMNS, type MessageRow } from './chat-messages';
import { OPEN_REPORT_ON } from './reports';

/** The erasure's and the retention job's statements over chat_messages (SPEC §14). */

const ALL = COLUMNS.join(', ');

/**
 * Empties up to `limit` of the side's own message bodies in its sessions (or in one of them), except in a
 * session with an open report (legal hold: its transcript stays until the report is closed). Rows already
 * removed are not touched again, so a repeated batch finds less or nothing.
 */
export async function removeOwnMessages(
  q: Queryable,
  side: Side,
  userId: string,
  o: { sessionId?: string; limit: number },
  now: Date,
): Promise<MessageRow[]> {
  const { rows } = await q.query<MessageRow>(
    `UPDATE chat_messages SET body = '', removed_reason = 'account_deleted', removed_at = $4
     WHERE id IN (
       SELECT m.id FROM chat_sessions s JOIN chat_messages m ON m.session_id = s.id AND m.sender_type = $5
       WHERE s.${side}_id = $1 AND ($2::uuid IS NULL OR s.id = $2) AND m.removed_reason IS NULL
         AND NOT ${OPEN_REPORT_ON('s.id')}
       ORDER BY m.session_id, m.seq LIMIT $3 FOR UPDATE OF m SKIP LOCKED)
     RETURNING ${ALL}`,
    [userId, o.sessionId ?? null, o.limit, now, side],
  );
  return rows;
}

/** Empties up to `limit` message bodies of these sessions (the retention window passed). */
export async function purgeMessagesOf(
  q: Queryable,
  sessionIds: string[],
  limit: number,
  now: Date,
): Promise<MessageRow[]> {
  const { rows } = await q.query<MessageRow>(
    `UPDATE chat_messages SET body = '', removed_reason = 'retention', removed_at = $3
     WHERE id IN (
       SELECT id FROM chat_messages WHERE session_id = ANY($1::uuid[]) AND removed_reason IS NULL
       ORDER BY session_id, seq LIMIT $2 FOR UPDATE SKIP LOCKED)
     RETURNING ${ALL}`,
    [sessionIds, limit, now],
  );
  return rows;
}

/**
 * The messages the side wrote itself in these sessions (theirs), in the order of `sessionIds` then seq: the
 * export reads a few sessions at a time, so a mitra's year of messages never sits in memory at once.
 */
export async function ownMessagesIn(q: Queryable, side: Side, sessionIds: string[]): Promise<MessageRow[]> {
  const { rows } = await q.query<MessageRow>(
    `SELECT ${COLUMNS.map((c) => `m.${c}`).join(', ')}
     FROM unnest($1::uuid[]) WITH ORDINALITY AS s(id, n) JOIN chat_messages m ON m.session_id = s.id
     WHERE m.sender_type = $2 ORDER BY s.n, m.seq`,
    [sessionIds, side],
  );
  return rows;
}
