import { commitWithEffects, effect, type OutboxEntry } from '../outbox';
import type { PushContent } from '../ports/push';
import { buildPush } from '../push';
import { deviceTokensOf, findCustomer } from '../users';
import type { PairingDeps } from './deps';
import { offerDocPath } from './paths';
import { findRequest } from './repo/chat-requests';
import { lockOfferedAmong } from './repo/chat-request-notifications';
import { offerView } from './views';

export interface BlastMessage {
  request_id: string;
  mitra_ids: string[];
}

/**
 * The Pub/Sub subscriber: the offer doc and an FCM push to each device of every mitra of the message still
 * 'offered', re-read from Postgres under row locks and deduplicated per (request, mitra) — so a redelivered
 * message duplicates nothing and a late one for a taken request sends nothing. The pushes go as one outbox
 * row (one FCM sendEach), not a row per device: a 100-mitra blast was 100 more rows to insert, claim and mark.
 */
export async function handleBlast(deps: PairingDeps, message: BlastMessage): Promise<number> {
  const cfg = await deps.config.get();
  const announced = await commitWithEffects(deps, async (c) => {
    const r = await findRequest(c, message.request_id, true);
    if (!r || r.status !== 'searching') return 0;
    const offered = await lockOfferedAmong(c, r.id, message.mitra_ids);
    if (offered.length === 0) return 0;
    const customer = (await findCustomer(c, r.customer_id))!;
    const mitraIds = offered.map((o) => o.mitra_id);
    const tokens = await deviceTokensOf(c, 'mitra', mitraIds);
    const docKey = (mitraId: string) => `offer-doc:${r.id}:${mitraId}`;
    // Each mitra's push expires with its offer (respond_by): after that it is noise (SPEC §12).
    const pushes = new Map<string, PushContent>();
    const docs: OutboxEntry[] = offered.map((o) => {
      const doc = offerView(
        { ...r, request_id: r.id, status: 'offered', customer_display_name: customer.display_name, ...o },
        cfg.request_notification_timeout_seconds,
      );
      pushes.set(
        o.mitra_id,
        buildPush('chat_request', {
          request_id: r.id,
          topic_sensitivity: r.topic_sensitivity,
          customer_name: customer.display_name,
          expires_at: new Date(doc.respond_by),
        }),
      );
      return { item: effect.setDoc(offerDocPath(o.mitra_id, r.id), doc, false), dedupeKey: docKey(o.mitra_id) };
    });
    // A mitra whose offer doc a delivery of this message already recorded was pushed then too.
    const first = await c.enqueueFirst(docs);
    const messages = tokens
      .filter((t) => first.has(docKey(t.user_id)))
      .map((t) => ({ ...pushes.get(t.user_id)!, userId: t.user_id, token: t.fcm_token }));
    if (messages.length) await c.enqueue([{ item: effect.pushes(messages) }]);
    return offered.length;
  });
  return announced;
}
