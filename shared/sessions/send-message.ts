import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/pool';
import { AppError } from '../errors';
import { commitStatementWithEffects, effect } from '../outbox';
import type { SessionsDeps } from './deps';
import { counters } from './counters';
import { screeningEntry } from './effects';
import {
  appendMessage,
  findByClientId,
  isDuplicateMessage,
  OTHER_SIDE_QUIET,
  type MessageRow,
} from './repo/chat-messages';
import { sessionOfParticipant } from './participant';
import { messageTokens, type MessageBucket } from './repo/chat-sessions.chat';
import { MESSAGE_DOCS } from './message-docs';
import { MESSAGE_PUSHES } from './message-pushes';
import { messageDocPath, PUSH_QUIET_SECONDS } from './paths';
import type { Side } from './types';
import { messageDoc, messageView } from './views';

/**
 * Why the slot matched nothing, read only then (the common path adds no statement): not the session's
 * participant (404/403), not active (409), or no message token left (429 with the seconds until the
 * next one; SPEC §13).
 */
async function refusal(q: Queryable, sessionId: string, side: Side, userId: string, now: Date, bucket: MessageBucket) {
  const s = await sessionOfParticipant(q, sessionId, side, userId);
  if (s.status !== 'active') return new AppError('SESSION_NOT_ACTIVE');
  const missing = 1 - messageTokens(s, side, now, bucket);
  return AppError.rateLimited('RATE_LIMITED', missing / bucket.perSecond, 'Pesan terlalu cepat. Tunggu sebentar.', {
    limit: 'messages',
  });
}

/**
 * ONE statement, run on its own (one statement is one transaction: no BEGIN or COMMIT): the seq, the
 * message and its effects, the message doc and the coalesced counter write (both read from Postgres when
 * the relay writes them), the screening event (SPEC §15) and, when the other side shows no recent
 * activity, the new-message push (built by the relay: SPEC §12). So a Firestore failure delays the
 * message, never loses it. The same client_message_id again (also in parallel, or after the session moved
 * on) answers the message already stored, found when the insert fails on the unique key or the session
 * refuses: no look-up before the insert. The sender's message token (burst, then so many a second: SPEC
 * §13) is taken by the same statement's seq slot: a message refused for rate writes nothing, and the
 * reasons for a refusal are read only then.
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
  let row: MessageRow | undefined;
  try {
    [row] = await commitStatementWithEffects<MessageRow>(
      deps,
      appendMessage(
        { id, session_id: sessionId, sender_type: side, sender_id: userId, ...input },
        now,
        bucket,
        PUSH_QUIET_SECONDS,
      ),
      [
        // The message doc is computed whole (docs/asyncapi.yaml: MessageDoc is written whole).
        { item: effect.computeDoc(messageDocPath(sessionId, id), MESSAGE_DOCS, id, false) },
        counters(sessionId, now),
        screeningEntry(deps.screeningTopic, { session_id: sessionId, message_id: id, sender_type: side }),
        { item: effect.computePushes(MESSAGE_PUSHES, id), dedupeKey: `push:msg:${id}`, when: OTHER_SIDE_QUIET },
      ],
    );
  } catch (err) {
    if (!isDuplicateMessage(err)) throw err;
  }
  if (row) return { ...messageDoc(row), status: 'sent' as const }; // just committed: not received yet
  // A retry of a stored message (also after the session moved on) answers it; anything else is refused.
  const stored = await findByClientId(deps.db, sessionId, side, input.client_message_id);
  if (stored?.sender_id === userId) return replayed(deps, stored, side, userId);
  throw await refusal(deps.db, sessionId, side, userId, now, bucket);
}

async function replayed(deps: SessionsDeps, m: MessageRow, side: Side, userId: string) {
  const s = await sessionOfParticipant(deps.db, m.session_id, side, userId);
  return messageView(m, s);
}
