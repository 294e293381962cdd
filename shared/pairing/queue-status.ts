import type { Queryable } from '../db/pool';
import { effect, type OutboxEntry } from '../outbox';
import type { RealtimeDoc } from '../ports/realtime';
import { pairingDocPath } from './paths';
import { queueStatusOf, searchingRequestIds } from './repo/chat-requests';

/** The relay's name for the pairing doc's queue status, computed when it writes it (shared/runtime.ts). */
export const QUEUE_STATUS = 'pairing-queue-status';
const WINDOW_MS = 1000;

/**
 * The queue status of a searching request changed (a wave, a re-offer, someone ahead left the queue):
 * one outbox row per request per second (the dedupe key), due at the second's end and read from Postgres
 * when the relay writes it — at most one write a second to the customer's doc, however much moved.
 */
export function queueStatus(customerId: string, requestId: string, now: Date): OutboxEntry {
  const window = Math.floor(now.getTime() / WINDOW_MS);
  return {
    item: effect.computeDoc(pairingDocPath(customerId), QUEUE_STATUS, requestId),
    dedupeKey: `queue:${requestId}:${window}`,
    notBefore: new Date((window + 1) * WINDOW_MS),
  };
}

/** A request left the queue: every searching request's position (and the estimate) may have moved. */
export async function queueMoved(q: Queryable, now: Date): Promise<OutboxEntry[]> {
  return (await searchingRequestIds(q)).map((r) => queueStatus(r.customer_id, r.id, now));
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
