import { commitWithEffects } from '../outbox';
import type { SessionsDeps } from './deps';
import { counterDocEntry } from './effects';
import { shareLockSession } from './repo/chat-sessions';

/**
 * The coalesced session-doc write (decision 32): last_seq, unread counts and receipt watermarks,
 * read from Postgres when the bucket's task runs. A duplicate or late delivery writes the same
 * absolute values again. FOR SHARE: a transition rewriting the doc meanwhile is ordered before or after.
 */
export async function syncCounters(deps: SessionsDeps, sessionId: string): Promise<void> {
  await commitWithEffects(deps, async (t) => {
    if (!(await shareLockSession(t, sessionId))) return;
    const entry = await counterDocEntry(t, sessionId);
    if (entry) await t.enqueue([entry]);
  });
}
