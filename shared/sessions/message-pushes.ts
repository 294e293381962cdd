import type { Queryable } from '../db/pool';
import type { PushMessage } from '../ports/push';
import { buildPush } from '../push';
import { deviceTokensOf } from '../users';
import { pushFactsOf } from './repo/chat-messages';
import { otherSide, type Side } from './types';

/**
 * The relay's name for a new-message alert (SPEC §12 `chat_message`), built when the relay sends it: the
 * message statement records it only when the other side is idle, and reads neither its devices nor the
 * sender's name.
 */
export const MESSAGE_PUSHES = 'session-message-pushes';

/** The relay's push computer: a batch's messages, their recipients' devices, in three statements at most. */
export async function messagePushes(q: Queryable, ids: string[]): Promise<Map<string, PushMessage[]>> {
  const facts = await pushFactsOf(q, ids);
  const recipient = (f: (typeof facts)[number]) => {
    const to = otherSide(f.sender_type);
    return { to, userId: to === 'customer' ? f.customer_id : f.mitra_id };
  };
  const devices = new Map<string, Array<{ fcm_token: string }>>();
  for (const side of ['customer', 'mitra'] as Side[]) {
    const users = [
      ...new Set(
        facts
          .map(recipient)
          .filter((r) => r.to === side)
          .map((r) => r.userId),
      ),
    ];
    for (const d of await deviceTokensOf(q, side, users)) {
      const key = `${side}:${d.user_id}`;
      devices.set(key, [...(devices.get(key) ?? []), d]); // a user has a few devices
    }
  }
  return new Map(
    facts.map((f) => {
      const { to, userId } = recipient(f);
      const content = buildPush('chat_message', {
        session_id: f.session_id,
        message_id: f.id,
        seq: String(f.seq),
        sender_name: f.sender_name,
      });
      return [f.id, (devices.get(`${to}:${userId}`) ?? []).map((d) => ({ ...content, userId, token: d.fcm_token }))];
    }),
  );
}
