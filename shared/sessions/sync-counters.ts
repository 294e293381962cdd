import { commitWithEffects } from '../outbox';
import type { SessionsDeps } from './deps';
import { counterDocEntry } from './effects';

/**
 * The coalesced session-doc write (decision 32): last_seq, unread counts and receipt watermarks,
 * read from Postgres when the bucket's task runs. A duplicate or late delivery writes the same
 * absolute values again. FOR SHARE: a transition rewriting the doc meanwhile is ordered before or after.
 */
export async function syncCounters(deps: SessionsDeps, sessionId: string): Promise<void> {
  await commitWithEffects(deps, async (t) => {
    const locked = await t.query('SELECT 1 FROM chat_sessions WHERE id = $1 FOR SHARE', [sessionId]);
    if (!locked.rowCount) return;
    const entry = await counterDocEntry(t, sessionId);
    if (entry) await t.enqueue([entry]);
  });
}
