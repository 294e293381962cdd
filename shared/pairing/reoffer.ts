import { type Tx } from '../outbox';
import { availabilityAt } from './availability';
import type { PairingDeps } from './deps';
import { offerBatchEffects } from './effects';
import { queueStatus } from './queue-status';
import { offerWaitingRequests } from './repo/chat-request-notifications.offers';

/**
 * SPEC §6 "nobody waits while a mitra sits idle": in the caller's transaction, a mitra that can take a
 * request now (or every available mitra: `mitraId` null) is offered the oldest searching requests it is
 * eligible for and was not offered, up to its free places — one statement; then per request one offer
 * batch (its blast and notification timeout) and its queue status. Answers the requests offered.
 */
export async function offerWaitingRequestsTo(
  t: Tx,
  deps: Pick<PairingDeps, 'config' | 'blastTopic'>,
  mitraId: string | null,
  now: Date,
  maxSessions?: number,
): Promise<string[]> {
  const cfg = await deps.config.get();
  const a = availabilityAt(cfg, now);
  const offers = await offerWaitingRequests(t, { ...a, maxSessions: maxSessions ?? a.maxSessions }, mitraId);
  const byRequest = new Map<string, { customerId: string; mitras: string[] }>();
  for (const o of offers) {
    const batch = byRequest.get(o.request_id) ?? { customerId: o.customer_id, mitras: [] };
    batch.mitras.push(o.mitra_id);
    byRequest.set(o.request_id, batch);
  }
  await t.enqueue(
    [...byRequest].flatMap(([requestId, b]) => [
      ...offerBatchEffects(deps, requestId, b.mitras, now, cfg.request_notification_timeout_seconds),
      queueStatus(b.customerId, requestId, now),
    ]),
  );
  return [...byRequest.keys()];
}

/**
 * The hook the sessions' transitions call when a mitra's place frees (closing, cancelled): handed in by
 * each function's composition, since sessions sits below pairing. Its offers commit with the move.
 */
export function mitraFreedHook(deps: Pick<PairingDeps, 'config' | 'blastTopic'>) {
  return async (t: Tx, mitraId: string, now: Date) => {
    await offerWaitingRequestsTo(t, deps, mitraId, now);
  };
}

/**
 * The hook the config feature calls in the transaction that raises max_customers_per_mitra, with the new
 * value (the cached config still holds the old one until that transaction commits).
 */
export function capacityRaisedHook(deps: Pick<PairingDeps, 'config' | 'blastTopic'>) {
  return async (t: Tx, now: Date, maxCustomersPerMitra: number) => {
    await offerWaitingRequestsTo(t, deps, null, now, maxCustomersPerMitra);
  };
}
