import type { Queryable } from '../db/pool';
import { effect, type OutboxEntry } from '../outbox';
import { sessionDocEntries } from './effects';
import { currentSessions } from './repo/chat-sessions';
import { recentMessages } from './repo/chat-messages';
import { messageDocPath } from './paths';
import { messageDoc } from './views';

/** How many messages per live session a rebuild rewrites. */
export const MESSAGES_PER_SESSION = 200;

/**
 * Every document of the sessions the apps are still looking at (both session docs, payment fields
 * included, and their recent messages), rebuilt from Postgres exactly as the live path writes them.
 */
export async function sessionMirrorEntries(
  q: Queryable,
): Promise<{ entries: OutboxEntry[]; sessions: number; messages: number }> {
  const sessions = await currentSessions(q);
  const entries: OutboxEntry[] = [];
  for (const s of sessions) entries.push(...(await sessionDocEntries(q, s.id)));
  const messages = await recentMessages(
    q,
    sessions.map((s) => s.id),
    MESSAGES_PER_SESSION,
  );
  entries.push(
    ...messages.map((m) => ({ item: effect.setDoc(messageDocPath(m.session_id, m.id), messageDoc(m), false) })),
  );
  return { entries, sessions: sessions.length, messages: messages.length };
}
