import { decodeCursor, pageFrom, SeqCursor } from '../pagination';
import type { SessionsDeps } from './deps';
import { messagesPage } from './repo/chat-messages';
import { sessionOfParticipant } from './participant';
import type { Side } from './types';
import { messageView } from './views';

/** The transcript for a participant, by seq in either direction; each message with its receipt status. */
export async function listMessages(
  deps: SessionsDeps,
  side: Side,
  userId: string,
  sessionId: string,
  query: { limit: number; cursor?: string; order: 'asc' | 'desc' },
) {
  const s = await sessionOfParticipant(deps.db, sessionId, side, userId);
  const after = decodeCursor(query.cursor, SeqCursor);
  const rows = await messagesPage(deps.db, sessionId, query.order, after, query.limit);
  return pageFrom(
    rows,
    query.limit,
    (m) => messageView(m, s),
    (m) => m.seq,
  );
}
