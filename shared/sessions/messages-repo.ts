import type { Queryable } from '../db/pool';
import type { Side } from './types';

export interface MessageRow {
  id: string;
  session_id: string;
  seq: number;
  sender_type: Side;
  sender_id: string;
  client_message_id: string;
  body: string;
  created_at: Date;
}

const COLUMNS = 'id, session_id, seq, sender_type, sender_id, client_message_id, body, created_at';

export async function findByClientId(q: Queryable, sessionId: string, side: Side, clientMessageId: string) {
  const { rows } = await q.query<MessageRow>(
    `SELECT ${COLUMNS} FROM chat_messages WHERE session_id = $1 AND sender_type = $2 AND client_message_id = $3`,
    [sessionId, side, clientMessageId],
  );
  return rows[0];
}

/**
 * Takes the next seq: the session row's counter, incremented under its row lock, so two senders are
 * serialised and seq stays gap-free (a rolled-back transaction gives its number back). Also the
 * participant and state check, and the sender's activity mark, in the same statement.
 */
export async function allocateSeq(q: Queryable, sessionId: string, side: Side, userId: string, now: Date) {
  const other = side === 'customer' ? 'mitra' : 'customer';
  const { rows } = await q.query<{
    seq: number;
    customer_id: string;
    mitra_id: string;
    other_last_active_at: Date | null;
  }>(
    `UPDATE chat_sessions SET last_seq = last_seq + 1, ${side}_last_active_at = $3
     WHERE id = $1 AND ${side}_id = $2 AND status = 'active'
     RETURNING last_seq AS seq, customer_id, mitra_id, ${other}_last_active_at AS other_last_active_at`,
    [sessionId, userId, now],
  );
  return rows[0];
}

/** Nothing returned: the same client_message_id won meanwhile (the caller rolls back its seq). */
export async function insertMessage(
  q: Queryable,
  m: Omit<MessageRow, 'id' | 'created_at'>,
  now: Date,
): Promise<MessageRow | undefined> {
  const { rows } = await q.query<MessageRow>(
    `INSERT INTO chat_messages (session_id, seq, sender_type, sender_id, client_message_id, body, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (session_id, sender_type, client_message_id) DO NOTHING RETURNING ${COLUMNS}`,
    [m.session_id, m.seq, m.sender_type, m.sender_id, m.client_message_id, m.body, now],
  );
  return rows[0];
}

/** A page of a session's messages by seq, either direction; limit + 1 rows prove a next page. */
export async function messagesPage(
  q: Queryable,
  sessionId: string,
  order: 'asc' | 'desc',
  afterSeq: number | undefined,
  limit: number,
): Promise<MessageRow[]> {
  const cmp = order === 'asc' ? '>' : '<';
  const { rows } = await q.query<MessageRow>(
    `SELECT ${COLUMNS} FROM chat_messages WHERE session_id = $1 ${afterSeq === undefined ? '' : `AND seq ${cmp} $3`}
     ORDER BY seq ${order} LIMIT $2`,
    afterSeq === undefined ? [sessionId, limit + 1] : [sessionId, limit + 1, afterSeq],
  );
  return rows;
}
