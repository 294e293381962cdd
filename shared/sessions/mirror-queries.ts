import type { Queryable } from '../db/pool';
import type { MessageRow } from './messages-repo';
import { CURRENT_STATUSES, FULL_SELECT } from './repo';
import type { SessionRow, WithNames } from './types';

/** Sessions the apps are still looking at, with names and unread counts (the doc's whole content). */
export async function currentSessions(q: Queryable): Promise<Array<WithNames<SessionRow>>> {
  const { rows } = await q.query<WithNames<SessionRow>>(`${FULL_SELECT} WHERE s.status = ANY($1)`, [CURRENT_STATUSES]);
  return rows;
}

/** The newest `perSession` messages of each session, in one statement. */
export async function recentMessages(q: Queryable, sessionIds: string[], perSession: number): Promise<MessageRow[]> {
  if (sessionIds.length === 0) return [];
  const { rows } = await q.query<MessageRow>(
    `SELECT x.id, x.session_id, x.seq, x.sender_type, x.sender_id, x.client_message_id, x.body, x.created_at
     FROM unnest($1::uuid[]) AS s(id)
     CROSS JOIN LATERAL (SELECT * FROM chat_messages m WHERE m.session_id = s.id ORDER BY m.seq DESC LIMIT $2) x`,
    [sessionIds, perSession],
  );
  return rows;
}
