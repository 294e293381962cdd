import type { Queryable } from '../db/pool';
import { effect, type OutboxEntry } from '../outbox';
import { deviceTokensOf } from '../users';
import type { PairingDeps } from './deps';
import { offerDocPath, PAIRING_PATHS } from './paths';
import { offerEndingDoc, type OfferEnding } from './views';

/**
 * What one offer batch (the mitras a request was offered to in one statement, sharing `offered_at`)
 * sets in motion: one Pub/Sub message for the blast and ONE notification-timeout task for the whole
 * batch, not one per mitra (decision 23).
 */
export function offerBatchEffects(
  deps: Pick<PairingDeps, 'blastTopic'>,
  requestId: string,
  mitraIds: string[],
  offeredAt: Date,
  notificationTimeoutSeconds: number,
): OutboxEntry[] {
  if (mitraIds.length === 0) return [];
  const respondBy = new Date(offeredAt.getTime() + notificationTimeoutSeconds * 1000);
  return [
    {
      item: effect.event({
        topic: deps.blastTopic,
        data: { request_id: requestId, mitra_ids: mitraIds },
        attributes: { type: 'chat_request' },
      }),
    },
    {
      item: effect.task(
        `pairing-notify-timeout:${requestId}:${offeredAt.getTime()}`,
        PAIRING_PATHS.notificationTimeout,
        { request_id: requestId, offered_at: offeredAt.toISOString() },
        respondBy,
      ),
    },
  ];
}

/** The same ending merged into each listed mitra's offer doc. */
export function offerEndings(mitraIds: string[], requestId: string, ending: OfferEnding, now: Date): OutboxEntry[] {
  return mitraIds.map((m) => ({ item: effect.setDoc(offerDocPath(m, requestId), offerEndingDoc(ending, now)) }));
}

/** One high-priority FCM data push per device of the customer, each deduplicated per trigger. */
export async function customerPushes(
  q: Queryable,
  customerId: string,
  data: Record<string, string>,
  dedupe: string,
): Promise<OutboxEntry[]> {
  return (await deviceTokensOf(q, 'customer', [customerId])).map((t) => ({
    item: effect.push({ userId: customerId, token: t.fcm_token, data, highPriority: true }),
    dedupeKey: `push:${dedupe}:${t.device_id}`,
  }));
}
