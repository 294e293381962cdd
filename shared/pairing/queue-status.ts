import type { Queryable } from '../db/pool';
import { commitWithEffects, effect, type OutboxEntry } from '../outbox';
import type { RealtimeDoc } from '../ports/realtime';
import type { PairingDeps } from './deps';
import { PAIRING_PATHS, pairingDocPath } from './paths';
import { queueStatusOf, searchingRequestIds } from './repo/chat-requests';

/** The relay's name for the pairing doc's queue status, computed when it writes it (shared/runtime.ts). */
export const QUEUE_STATUS = 'pairing-queue-status';
const WINDOW_MS = 1000;
const windowOf = (now: Date) => Math.floor(now.getTime() / WINDOW_MS);
const windowEnd = (window: number) => new Date((window + 1) * WINDOW_MS);

/**
 * A searching request's own queue status changed (a wave, a re-offer): one outbox row per request per
 * second (the dedupe key), due at the second's end and read from Postgres when the relay writes it — at
 * most one write a second to the customer's doc, however much moved.
 */
export function queueStatus(customerId: string, requestId: string, now: Date): OutboxEntry {
  const window = windowOf(now);
  return {
    item: effect.computeDoc(pairingDocPath(customerId), QUEUE_STATUS, requestId),
    dedupeKey: `queue:${requestId}:${window}`,
    notBefore: windowEnd(window),
  };
}

/**
 * A request left the queue (taken, cancelled, expired): every waiting customer's position and estimate
 * may have moved. One task a second for the whole queue (the dedupe key), not a row per waiting request
 * in the transaction that took one: a thousand waiting would be a thousand rows on every accept.
 */
export function queueMoved(now: Date): OutboxEntry {
  const window = windowOf(now);
  return {
    item: effect.task(`pairing-queue-moved:${window}`, PAIRING_PATHS.queueMoved, {}, windowEnd(window)),
    dedupeKey: `queue-moved:${window}`,
  };
}

/** The task: each searching request's queue status, one computed row each (two statements). */
export async function refreshQueue(deps: PairingDeps): Promise<number> {
  const now = deps.clock.now();
  const n = await commitWithEffects(deps, async (c) => {
    const waiting = await searchingRequestIds(c);
    await c.enqueue(waiting.map((r) => queueStatus(r.customer_id, r.id, now)));
    return waiting.length;
  });
  return n;
}

/**
 * The relay's computer: the fields merged into `customers/{uid}/pairing/current` while a request searches.
 * A request no longer searching gets nothing (its state's whole document was or will be written).
 */
export async function queueStatusDocs(q: Queryable, ids: string[], now: Date): Promise<Map<string, RealtimeDoc>> {
  return new Map(
    (await queueStatusOf(q, ids, now)).map((r) => [
      r.id,
      {
        notified_mitras: r.notified,
        wave: r.wave,
        position: r.position,
        estimated_wait_seconds: r.median_wait === null ? null : Math.round(r.median_wait),
        updated_at: now.toISOString(),
      },
    ]),
  );
}
