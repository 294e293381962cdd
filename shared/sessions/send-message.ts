import { AppError } from '../errors';
import { commitWithEffects, effect, type OutboxEntry, type Tx } from '../outbox';
import { buildPush } from '../push';
import type { SessionsDeps } from './deps';
import { counters } from './counters';
import { pushEntries } from './effects';
import { allocateSeq, messageTokens, type MessageBucket } from './repo/chat-sessions';
import { findByClientId, insertMessage, type MessageRow } from './repo/chat-messages';
import { sessionOfParticipant } from './participant';
import { findSessionNames } from './repo/chat-sessions';
import { messageDocPath, PUSH_QUIET_SECONDS } from './paths';
import { otherSide, type Side } from './types';
import { messageDoc, messageView } from './views';

/** The same client_message_id committed first: this attempt rolls back (its seq with it) and replays. */
class AlreadySent extends Error {}

/**
 * Why the seq UPDATE matched nothing, read only then (the common path adds no statement): not the
 * session's participant (404/403), not active (409), or no message token left (429 with the seconds
 * until the next one; SPEC §13).
 */
async function refusalOf(t: Tx, sessionId: string, side: Side, userId: string, now: Date, bucket: MessageBucket) {
  const s = await sessionOfParticipant(t, sessionId, side, userId);
  if (s.status !== 'active') return new AppError('SESSION_NOT_ACTIVE');
  const missing = 1 - messageTokens(s, side, now, bucket);
  return AppError.rateLimited('RATE_LIMITED', missing / bucket.perSecond, 'Pesan terlalu cepat. Tunggu sebentar.', {
    limit: 'messages',
  });
}

/**
 * Postgres first (seq from the session row's counter: gap-free, serialised per session), then the
 * message doc, the coalesced counter sync and, when the other side shows no recent activity, a push
 * — all outbox rows of the same transaction, so a Firestore failure delays the message, never loses it.
 * The same client_message_id again (also in parallel) answers the message already stored. The sender's
 * token (burst, then so many a second: SPEC §13) is taken by the seq UPDATE itself: a message refused
 * for rate writes nothing and costs no statement on the way that accepts one.
 */
export async function sendMessage(
  deps: SessionsDeps,
  side: Side,
  userId: string,
  sessionId: string,
  input: { client_message_id: string; body: string },
) {
  const replay = await findByClientId(deps.db, sessionId, side, input.client_message_id);
  if (replay && replay.sender_id === userId) return replayed(deps, replay, side, userId);
  const now = deps.clock.now();
  const { messages } = (await deps.config.get()).limits;
  const bucket = { burst: messages.burst, perSecond: messages.per_second };
  let m: MessageRow;
  try {
    m = await commitWithEffects(deps, async (t) => {
      const slot = await allocateSeq(t, sessionId, side, userId, now, bucket);
      if (!slot) throw await refusalOf(t, sessionId, side, userId, now, bucket);
      const row = await insertMessage(
        t,
        { session_id: sessionId, seq: slot.seq, sender_type: side, sender_id: userId, ...input },
        now,
      );
      if (!row) throw new AlreadySent();
      const to = otherSide(side);
      const quiet =
        !slot.other_last_active_at || now.getTime() - slot.other_last_active_at.getTime() > PUSH_QUIET_SECONDS * 1000;
      const entries: OutboxEntry[] = [
        { item: effect.setDoc(messageDocPath(sessionId, row.id), messageDoc(row), false) },
        counters(sessionId, now),
      ];
      if (quiet)
        entries.push(
          ...(await pushEntries(
            t,
            to,
            to === 'customer' ? slot.customer_id : slot.mitra_id,
            buildPush('chat_message', {
              session_id: sessionId,
              message_id: row.id,
              seq: String(row.seq),
              sender_name: (await findSessionNames(t, sessionId))[`${side}_name`],
            }),
            `msg:${row.id}`,
          )),
        );
      await t.enqueue(entries);
      return row;
    });
  } catch (err) {
    // A parallel attempt with the same client_message_id may have stored it meanwhile (and taken the
    // token this one lacked): the app gets that message, not a refusal.
    const rateLimited = err instanceof AppError && err.code === 'RATE_LIMITED';
    if (!(err instanceof AlreadySent) && !rateLimited) throw err;
    const stored = await findByClientId(deps.db, sessionId, side, input.client_message_id);
    if (!stored || stored.sender_id !== userId) throw err;
    return replayed(deps, stored, side, userId);
  }
  // Just committed: the other side cannot have received it yet.
  return { ...messageDoc(m), status: 'sent' as const };
}

async function replayed(deps: SessionsDeps, m: MessageRow, side: Side, userId: string) {
  const s = await sessionOfParticipant(deps.db, m.session_id, side, userId);
  return messageView(m, s);
}
