import { commitWithEffects, effect, type OutboxEntry } from '../outbox';
import { buildPush } from '../push';
import type { SessionsDeps } from './deps';
import { counters } from './counters';
import { pushEntries } from './effects';
import { allocateSeq } from './repo/chat-sessions';
import { findByClientId, insertMessage, type MessageRow } from './repo/chat-messages';
import { refusal, sessionOfParticipant } from './participant';
import { findSessionNames } from './repo/chat-sessions';
import { messageDocPath, PUSH_QUIET_SECONDS } from './paths';
import { otherSide, type Side } from './types';
import { messageDoc, messageView } from './views';

/** The same client_message_id committed first: this attempt rolls back (its seq with it) and replays. */
class AlreadySent extends Error {}

/**
 * Postgres first (seq from the session row's counter: gap-free, serialised per session), then the
 * message doc, the coalesced counter sync and, when the other side shows no recent activity, a push
 * — all outbox rows of the same transaction, so a Firestore failure delays the message, never loses it.
 * The same client_message_id again (also in parallel) answers the message already stored.
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
  let m: MessageRow;
  try {
    m = await commitWithEffects(deps, async (t) => {
      const slot = await allocateSeq(t, sessionId, side, userId, now);
      if (!slot) throw await refusal(t, sessionId, side, userId);
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
    if (!(err instanceof AlreadySent)) throw err;
    return replayed(deps, (await findByClientId(deps.db, sessionId, side, input.client_message_id))!, side, userId);
  }
  // Just committed: the other side cannot have received it yet.
  return { ...messageDoc(m), status: 'sent' as const };
}

async function replayed(deps: SessionsDeps, m: MessageRow, side: Side, userId: string) {
  const s = await sessionOfParticipant(deps.db, m.session_id, side, userId);
  return messageView(m, s);
}
