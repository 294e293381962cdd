import { randomUUID } from 'node:crypto';
import { commitWithEffects, effect } from '../outbox';
import { buildPush } from '../push';
import type { SessionsDeps } from './deps';
import { counters } from './counters';
import { pushEntries } from './effects';
import { appendMessage, findByClientId, isDuplicateMessage, type MessageRow } from './repo/chat-messages';
import { refusal, sessionOfParticipant } from './participant';
import { findSessionNames } from './repo/chat-sessions';
import { MESSAGE_DOCS } from './message-docs';
import { messageDocPath, PUSH_QUIET_SECONDS } from './paths';
import { otherSide, type Side } from './types';
import { messageDoc, messageView } from './views';

/**
 * One statement in the common case (seq, message, and its effects: the message doc and the coalesced
 * counter write, both read from Postgres when the relay writes them), so a Firestore failure delays the
 * message, never loses it. A push follows in the same transaction when the other side shows no recent
 * activity. The same client_message_id again (also in parallel, or after the session moved on) answers the
 * message already stored, found when the insert fails on the unique key or the session refuses: no look-up
 * before the insert.
 */
export async function sendMessage(
  deps: SessionsDeps,
  side: Side,
  userId: string,
  sessionId: string,
  input: { client_message_id: string; body: string },
) {
  const now = deps.clock.now();
  const id = randomUUID();
  try {
    const m = await commitWithEffects(deps, async (t) => {
      const row = await appendMessage(
        t,
        { id, session_id: sessionId, sender_type: side, sender_id: userId, ...input },
        now,
        // The message doc is computed whole (docs/asyncapi.yaml: MessageDoc is written whole).
        [{ item: effect.computeDoc(messageDocPath(sessionId, id), MESSAGE_DOCS, id, false) }, counters(sessionId, now)],
      );
      if (!row) {
        // A retry after the session moved on still answers the message it stored.
        const stored = await findByClientId(t, sessionId, side, input.client_message_id);
        if (stored?.sender_id === userId) return { replay: stored, sent: undefined };
        throw await refusal(t, sessionId, side, userId);
      }
      const quiet =
        !row.other_last_active_at || now.getTime() - row.other_last_active_at.getTime() > PUSH_QUIET_SECONDS * 1000;
      if (quiet) {
        const to = otherSide(side);
        await t.enqueue(
          await pushEntries(
            t,
            to,
            to === 'customer' ? row.customer_id : row.mitra_id,
            buildPush('chat_message', {
              session_id: sessionId,
              message_id: id,
              seq: String(row.seq),
              sender_name: (await findSessionNames(t, sessionId))[`${side}_name`],
            }),
            `msg:${id}`,
          ),
        );
      }
      return { replay: undefined, sent: row };
    });
    if (m.replay) return replayed(deps, m.replay, side, userId);
    // Just committed: the other side cannot have received it yet.
    return { ...messageDoc(m.sent), status: 'sent' as const };
  } catch (err) {
    if (!isDuplicateMessage(err)) throw err;
    const stored = await findByClientId(deps.db, sessionId, side, input.client_message_id);
    // Another participant's id space cannot collide (the key includes the side), but stay strict.
    if (!stored || stored.sender_id !== userId) throw err;
    return replayed(deps, stored, side, userId);
  }
}

async function replayed(deps: SessionsDeps, m: MessageRow, side: Side, userId: string) {
  const s = await sessionOfParticipant(deps.db, m.session_id, side, userId);
  return messageView(m, s);
}
