import { randomUUID } from 'node:crypto';
import { AppError } from '../errors';
import { commitWithEffects, effect, type Tx } from '../outbox';
import { buildPush } from '../push';
import type { SessionsDeps } from './deps';
import { counters } from './counters';
import { pushEntries, screeningEntry } from './effects';
import { appendMessage, findByClientId, isDuplicateMessage, type MessageRow } from './repo/chat-messages';
import { sessionOfParticipant } from './participant';
import { findSessionNames } from './repo/chat-sessions';
import { messageTokens, type MessageBucket } from './repo/chat-sessions.chat';
import { MESSAGE_DOCS } from './message-docs';
import { messageDocPath, PUSH_QUIET_SECONDS } from './paths';
import { otherSide, type Side } from './types';
import { messageDoc, messageView } from './views';

/**
 * Why the slot matched nothing, read only then (the common path adds no statement): not the session's
 * participant (404/403), not active (409), or no message token left (429 with the seconds until the
 * next one; SPEC §13).
 */
async function refusal(t: Tx, sessionId: string, side: Side, userId: string, now: Date, bucket: MessageBucket) {
  const s = await sessionOfParticipant(t, sessionId, side, userId);
  if (s.status !== 'active') return new AppError('SESSION_NOT_ACTIVE');
  const missing = 1 - messageTokens(s, side, now, bucket);
  return AppError.rateLimited('RATE_LIMITED', missing / bucket.perSecond, 'Pesan terlalu cepat. Tunggu sebentar.', {
    limit: 'messages',
  });
}

/**
 * One statement in the common case (seq, message, and its effects: the message doc and the coalesced
 * counter write, both read from Postgres when the relay writes them, and the screening event, SPEC §15), so a Firestore failure delays the
 * message, never loses it. A push follows in the same transaction when the other side shows no recent
 * activity. The same client_message_id again (also in parallel, or after the session moved on) answers the
 * message already stored, found when the insert fails on the unique key or the session refuses: no look-up
 * before the insert. The sender's message token (burst, then so many a second: SPEC §13) is taken in that
 * same statement, by the seq slot: a message refused for rate writes nothing and costs no statement on
 * the way that accepts one.
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
  const { messages } = (await deps.config.get()).limits;
  const bucket = { burst: messages.burst, perSecond: messages.per_second };
  try {
    const m = await commitWithEffects(deps, async (t) => {
      const row = await appendMessage(
        t,
        { id, session_id: sessionId, sender_type: side, sender_id: userId, ...input },
        now,
        bucket,
        // The message doc is computed whole (docs/asyncapi.yaml: MessageDoc is written whole).
        [
          { item: effect.computeDoc(messageDocPath(sessionId, id), MESSAGE_DOCS, id, false) },
          counters(sessionId, now),
          screeningEntry(deps.screeningTopic, { session_id: sessionId, message_id: id, sender_type: side }),
        ],
      );
      if (!row) {
        // A retry after the session moved on still answers the message it stored.
        const stored = await findByClientId(t, sessionId, side, input.client_message_id);
        if (stored?.sender_id === userId) return { replay: stored, sent: undefined };
        throw await refusal(t, sessionId, side, userId, now, bucket);
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
