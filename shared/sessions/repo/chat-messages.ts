import type { Queryable } from '../../db/pool';
import type { StatementWithEffects } from '../../outbox';
import { seqSlotCte, type MessageBucket } from './chat-sessions.chat';
import type { Side } from '../types';

/** Why a message's body is gone (SPEC §14): its sender deleted the account, or the retention window passed. */
export type RemovedReason = 'account_deleted' | 'retention';

export interface MessageRow {
  id: string;
  session_id: string;
  seq: number;
  sender_type: Side;
  sender_id: string;
  client_message_id: string;
  /** Empty once removed. */
  body: string;
  created_at: Date;
  removed_reason: RemovedReason | null;
  removed_at: Date | null;
}

/** chat_messages: every column, in one list. */
export const COLUMNS = [
  'id',
  'session_id',
  'seq',
  'sender_type',
  'sender_id',
  'client_message_id',
  'body',
  'created_at',
  'removed_reason',
  'removed_at',
] as const satisfies readonly (keyof MessageRow)[];
const ALL = COLUMNS.join(', ');
/** What a new message sets (it is never born removed). */
const INSERTED = COLUMNS.slice(0, 8).join(', ');
/** What the audited transcript shows. */
const TRANSCRIPT = ['seq', 'sender_type', 'sender_id', 'body', 'removed_reason', 'created_at'].join(', ');

export async function findByClientId(q: Queryable, sessionId: string, side: Side, clientMessageId: string) {
  const { rows } = await q.query<MessageRow>(
    `SELECT ${ALL} FROM chat_messages WHERE session_id = $1 AND sender_type = $2 AND client_message_id = $3`,
    [sessionId, side, clientMessageId],
  );
  return rows[0];
}

/** The condition `appendMessage` names when the other side showed no activity for `quietSeconds`. */
export const OTHER_SIDE_QUIET = 'other_quiet';

/**
 * The message under the next seq, with its effects, as one statement (a chat's hot path). No row back:
 * the session is not active for this sender. The same client_message_id again fails the statement with a
 * unique violation, so its seq goes back (`isDuplicateMessage`). Entries marked `when: OTHER_SIDE_QUIET`
 * are recorded only if the other side has been idle `quietSeconds` (its last activity, read by the slot).
 */
export function appendMessage(
  m: Pick<MessageRow, 'id' | 'session_id' | 'sender_type' | 'sender_id' | 'client_message_id' | 'body'>,
  now: Date,
  bucket: MessageBucket,
  quietSeconds: number,
): StatementWithEffects {
  return {
    ctes: `${seqSlotCte(m.sender_type, '$8', '$9')},
        message AS (
          INSERT INTO chat_messages (${INSERTED})
          SELECT $4::uuid, $1, slot.seq, $5::text, $2, $6::text, $7::text, $3 FROM slot
          RETURNING ${ALL})`,
    gate: 'message',
    conditions: `SELECT '${OTHER_SIDE_QUIET}' AS name FROM slot
      WHERE slot.other_last_active_at IS NULL OR slot.other_last_active_at < $3::timestamptz - make_interval(secs => $10)`,
    select: 'SELECT message.* FROM message',
    params: [
      m.session_id,
      m.sender_id,
      now,
      m.id,
      m.sender_type,
      m.client_message_id,
      m.body,
      bucket.burst,
      bucket.perSecond,
      quietSeconds,
    ],
  };
}

/** What a new-message push says, for many messages in one statement: the recipient and the sender's name. */
export async function pushFactsOf(q: Queryable, ids: string[]) {
  const { rows } = await q.query<{
    id: string;
    session_id: string;
    seq: number;
    sender_type: Side;
    customer_id: string;
    mitra_id: string;
    sender_name: string;
  }>(
    `SELECT x.id, x.session_id, x.seq, x.sender_type, s.customer_id, s.mitra_id,
       CASE x.sender_type WHEN 'customer' THEN c.display_name ELSE mi.display_name END AS sender_name
     FROM chat_messages x JOIN chat_sessions s ON s.id = x.session_id
       JOIN customers c ON c.id = s.customer_id JOIN mitras mi ON mi.id = s.mitra_id
     WHERE x.id = ANY($1::uuid[])`,
    [ids],
  );
  return rows;
}

/** The unique violation of a client_message_id sent twice (also in parallel). */
export function isDuplicateMessage(err: unknown): boolean {
  return (
    typeof err === 'object' &&
    err !== null &&
    (err as { code?: string }).code === '23505' &&
    ((err as { constraint?: string }).constraint ?? '').includes('client_message_id')
  );
}

/** The relay's message documents: every message of a batch in one statement. */
export async function messagesByIds(q: Queryable, ids: string[]): Promise<MessageRow[]> {
  const { rows } = await q.query<MessageRow>(`SELECT ${ALL} FROM chat_messages WHERE id = ANY($1::uuid[])`, [ids]);
  return rows;
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

/**
 * What screening reads (SPEC §15) of the messages a batch names, in one statement: who sent each and its
 * text (an id given with another session's id finds nothing).
 */
export async function messagesToScreen(q: Queryable, refs: Array<{ session_id: string; message_id: string }>) {
  const { rows } = await q.query<Pick<MessageRow, 'id' | 'session_id' | 'seq' | 'sender_type' | 'sender_id' | 'body'>>(
    `SELECT m.id, m.session_id, m.seq, m.sender_type, m.sender_id, m.body
     FROM unnest($1::uuid[], $2::uuid[]) AS r(session_id, id) JOIN chat_messages m USING (session_id, id)
     ORDER BY m.session_id, m.seq`,
    [refs.map((r) => r.session_id), refs.map((r) => r.message_id)],
  );
  return rows;
}

export interface TranscriptRow {
  seq: number;
  sender_type: Side;
  sender_id: string;
  body: string;
  removed_reason: RemovedReason | null;
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
