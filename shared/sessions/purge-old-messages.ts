import { effect, type Tx } from '../outbox';
import { replaceSessionDocEntry } from './effects';
import { messageDocPath } from './paths';
import { purgeMessagesOf } from './repo/chat-messages.privacy';
import { markMessagesPurged, unpurgedSessions } from './repo/chat-sessions.privacy';
import { messageDoc } from './views';

/**
 * One bounded batch of the retention job (SPEC §14): message bodies of sessions completed before `cutoff`
 * are emptied (`removed: retention`) in Postgres and in their Firestore docs; a session whose bodies are
 * all gone loses its goodbye texts too and leaves the job's index. A session with an open report waits.
 * `full` says a batch limit was reached (there may be more).
 */
export async function purgeOldMessages(
  t: Tx,
  cutoff: Date,
  limits: { sessions: number; messages: number },
  now: Date,
): Promise<{ messages: number; sessions: number; full: boolean }> {
  const ids = await unpurgedSessions(t, cutoff, limits.sessions);
  if (ids.length === 0) return { messages: 0, sessions: 0, full: false };
  const rows = await purgeMessagesOf(t, ids, limits.messages, now);
  await t.enqueue(rows.map((m) => ({ item: effect.setDoc(messageDocPath(m.session_id, m.id), messageDoc(m), false) })));
  const done = await markMessagesPurged(t, ids, now);
  for (const id of done) await t.enqueue([await replaceSessionDocEntry(t, id)]);
  return {
    messages: rows.length,
    sessions: done.length,
    full: rows.length === limits.messages || ids.length === limits.sessions,
  };
}
