import type { Queryable } from '../../db/pool';
import type { Side } from '../types';

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

/** chat_messages: every column, in one list. */
const COLUMNS = [
  'id',
  'session_id',
  'seq',
  'sender_type',
  'sender_id',
  'client_message_id',
  'body',
  'created_at',
] as const;
const ALL = COLUMNS.join(', ');
/** What the audited transcript shows. */
const TRANSCRIPT = ['seq', 'sender_type', 'sender_id', 'body', 'created_at'].join(', ');

export async function findByClientId(q: Queryable, sessionId: string, side: Side, clientMessageId: string) {
  const { rows } = await q.query<MessageRow>(
    `SELECT ${ALL} FROM chat_messages WHERE session_id = $1 AND sender_type = $2 AND client_message_id = $3`,
    [sessionId, side, clientMessageId],
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
     ON CONFLICT (session_id, sender_type, client_message_id) DO NOTHING RETURNING ${ALL}`,
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
    `SELECT ${ALL} FROM chat_messages WHERE session_id = $1 ${afterSeq === undefined ? '' : `AND seq ${cmp} $3`}
     ORDER BY seq ${order} LIMIT $2`,
    afterSeq === undefined ? [sessionId, limit + 1] : [sessionId, limit + 1, afterSeq],
  );
  return rows;
}

/** The newest `perSession` messages of each session, in one statement. */
export async function recentMessages(q: Queryable, sessionIds: string[], perSession: number): Promise<MessageRow[]> {
  if (sessionIds.length === 0) return [];
  const { rows } = await q.query<MessageRow>(
    `SELECT ${COLUMNS.map((c) => `x.${c}`).join(', ')}
     FROM unnest($1::uuid[]) AS s(id)
     CROSS JOIN LATERAL (SELECT * FROM chat_messages m WHERE m.session_id = s.id ORDER BY m.seq DESC LIMIT $2) x`,
    [sessionIds, perSession],
  );
  return rows;
}

export interface TranscriptRow {
  seq: number;
  sender_type: Side;
  sender_id: string;
  body: string;
  created_at: Date;
}

/** Messages after `afterSeq`, ascending. */
export async function transcriptPage(q: Queryable, sessionId: string, afterSeq: number, limit: number) {
  const { rows } = await q.query<TranscriptRow>(
    `SELECT ${TRANSCRIPT} FROM chat_messages WHERE session_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [sessionId, afterSeq, limit],
  );
  return rows;
}
