import type { Queryable } from '../db/pool';
import { effect, type OutboxEntry } from '../outbox';
import type { PushContent } from '../ports/push';
import { buildPush } from '../push';
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

/** One push (built by `buildPush`) per device of the customer, each deduplicated per trigger. */
export async function customerPushes(
  q: Queryable,
  customerId: string,
  content: PushContent,
  dedupe: string,
): Promise<OutboxEntry[]> {
  return (await deviceTokensOf(q, 'customer', [customerId])).map((t) => ({
    item: effect.push({ ...content, userId: customerId, token: t.fcm_token }),
    dedupeKey: `push:${dedupe}:${t.device_id}`,
  }));
}

/**
 * The offer closed for these mitras (taken, cancelled, expired): a background push to each of their
 * devices, so an app clears the offer's alert at once. One outbox row, like a blast's pushes.
 */
export async function withdrawnPushes(
  q: Queryable,
  mitraIds: string[],
  requestId: string,
  reason: 'taken' | 'cancelled' | 'expired',
): Promise<OutboxEntry[]> {
  const content = buildPush('request_withdrawn', { request_id: requestId, reason });
  const tokens = await deviceTokensOf(q, 'mitra', mitraIds);
  if (tokens.length === 0) return [];
  const messages = tokens.map((t) => ({ ...content, userId: t.user_id, token: t.fcm_token }));
  return [{ item: effect.pushes(messages), dedupeKey: `push:withdrawn:${requestId}` }];
}
