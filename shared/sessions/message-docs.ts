import type { Queryable } from '../db/pool';
import type { RealtimeDoc } from '../ports/realtime';
import { messagesByIds } from './repo/chat-messages';
import { messageDoc } from './views';

/**
 * The relay's name for a message document, read from Postgres when the relay writes it: the outbox row
 * carries no copy of the text (an erased message leaves nothing behind in it), and the send path records
 * it without knowing its seq (the statement that allocates the seq records it).
 */
export const MESSAGE_DOCS = 'session-messages';

/** The relay's computer: every message of a batch in one statement. */
export async function messageDocs(q: Queryable, ids: string[]): Promise<Map<string, RealtimeDoc>> {
  return new Map((await messagesByIds(q, ids)).map((m) => [m.id, messageDoc(m)]));
}
