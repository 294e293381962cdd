import { effect, type OutboxEntry } from '../outbox';
import type { Queryable } from '../db/pool';
import type { RealtimeDoc } from '../ports/realtime';
import { COUNTERS_WINDOW_MS, sessionDocPath } from './paths';
import { countersOf } from './repo/chat-sessions';
import { sessionCounters } from './views';

/** The relay's name for the session doc's counters, computed when it writes them (shared/runtime.ts). */
export const SESSION_COUNTERS = 'session-counters';

/**
 * The session doc's counters (last_seq, unread, receipts) after a message or a receipt: one outbox row per
 * session per window (the dedupe key), due at the window's end, whose content the relay reads from
 * Postgres when it writes it. So a session's doc takes at most one counter write a second, however many
 * messages the second holds, with no Cloud Task per session (the write rides in the relay's batch).
 */
export function counters(sessionId: string, now: Date): OutboxEntry {
  const window = Math.floor(now.getTime() / COUNTERS_WINDOW_MS);
  return {
    item: effect.computeDoc(sessionDocPath(sessionId), SESSION_COUNTERS, sessionId),
    dedupeKey: `counters:${sessionId}:${window}`,
    notBefore: new Date((window + 1) * COUNTERS_WINDOW_MS),
  };
}

/** The relay's computer: every batch's sessions in one statement. */
export async function sessionCounterDocs(q: Queryable, ids: string[]): Promise<Map<string, RealtimeDoc>> {
  return new Map((await countersOf(q, ids)).map((s) => [s.id, sessionCounters(s)]));
}
