import { hasExpired, MAX_PUSH_BATCH, notSent, type Push, type PushMessage, type PushResult } from '../ports/push';
import { errorText, type Outcome } from './relay-outcomes';
import type { OutboxRow } from './relay-repo';

type PushPayload = { message: PushMessage } | { messages: PushMessage[] };

export interface PushDeps {
  push: Push;
  /** Called when FCM reports a device token as unregistered (the auth service deletes it). */
  onUnregisteredToken?: (message: PushMessage) => Promise<void>;
  /**
   * No FCM call starts later than this after the claim (default 20 s, within the 30 s lease): past the
   * lease another relay may claim the rows again and send what this one is still sending.
   */
  pushBudgetMs?: number;
  /** The clock an expiring push is judged by (the runtime's; the local stack's can be moved). */
  now?: () => Date;
}

const DEFAULT_PUSH_BUDGET_MS = 20_000;

/** The messages a push row carries: one per device (per-trigger rows) or a blast's whole list. */
export function messagesOf(payload: Record<string, unknown>): PushMessage[] {
  const item = payload as PushPayload;
  return 'messages' in item ? item.messages : [item.message];
}

/**
 * Every message of every push row, up to MAX_PUSH_BATCH per FCM call. A row is delivered when each of
 * its messages was sent, had expired, or had its token unregistered (and cleaned up); otherwise it fails
 * with only its failed messages left in it, so a retry never sends a device the same push twice.
 */
export async function deliverPushes(deps: PushDeps, rows: OutboxRow[]): Promise<Outcome[]> {
  const now = deps.now?.() ?? new Date();
  // A message past its expiry is done with, unsent: FCM would only deliver it after the offer closed.
  const jobs = rows.flatMap((row) =>
    messagesOf(row.payload)
      .map((message, at) => ({ row, message, at }))
      .filter((j) => !hasExpired(j.message, now)),
  );
  const results: PushResult[] = [];
  const stopAt = performance.now() + (deps.pushBudgetMs ?? DEFAULT_PUSH_BUDGET_MS);
  for (let i = 0; i < jobs.length; i += MAX_PUSH_BATCH) {
    const chunk = jobs.slice(i, i + MAX_PUSH_BATCH).map((j) => j.message);
    if (i > 0 && performance.now() > stopAt) {
      results.push(
        ...chunk.map(() => ({ ok: false as const, unregistered: false, error: 'not sent within the lease' })),
      );
    } else {
      results.push(...(await sendChunk(deps.push, chunk)));
    }
  }
  const failures = new Map<OutboxRow, { at: Set<number>; error: string }>();
  await Promise.all(
    jobs.map(async ({ row, message, at }, i) => {
      const error = await failureOf(deps, message, results[i]!);
      if (error === undefined) return;
      const f = failures.get(row) ?? { at: new Set<number>(), error };
      f.at.add(at);
      failures.set(row, f);
    }),
  );
  return rows.map((row): Outcome => {
    const f = failures.get(row);
    if (!f) return { id: row.id, ok: true };
    const all = messagesOf(row.payload);
    const retry = f.at.size === all.length ? undefined : { messages: all.filter((_, at) => f.at.has(at)) };
    return { id: row.id, ok: false, error: f.error, attempts: row.attempts, kind: row.kind, retry };
  });
}

/** One FCM call; a call that fails whole fails each of its messages. */
async function sendChunk(push: Push, messages: PushMessage[]): Promise<PushResult[]> {
  if (push.sendMany) {
    try {
      const results = await push.sendMany(messages);
      // A result per message or none: an answer that does not line up cannot say which device got what.
      if (results.length !== messages.length)
        throw new Error(`${results.length} results for ${messages.length} messages`);
      return results;
    } catch (err) {
      return messages.map(() => notSent(err));
    }
  }
  return Promise.all(messages.map((m) => push.send(m).catch(notSent)));
}

/** Why a message still needs sending, or undefined when it is done with. */
async function failureOf(deps: PushDeps, message: PushMessage, result: PushResult): Promise<string | undefined> {
  if (result.ok) return undefined;
  if (!result.unregistered) return result.error;
  try {
    await deps.onUnregisteredToken?.(message);
    return undefined;
  } catch (err) {
    return errorText(err);
  }
}
