import { AppError } from '../errors';
import { commitWithEffects } from '../outbox';
import type { SessionsDeps } from './deps';
import { counters } from './counters';
import { markReceipts as moveWatermarks } from './repo/chat-sessions.chat';
import { sessionOfParticipant } from './participant';
import type { Side } from './types';

/**
 * The reader's watermarks over the other side's messages: delivered/read up to a seq, never backwards
 * (GREATEST), never past the last message. The sender sees them in the session doc's `receipts`,
 * written by the coalesced sync (at most one session-doc write per second however fast receipts come).
 */
export async function markReceipts(
  deps: SessionsDeps,
  side: Side,
  userId: string,
  sessionId: string,
  input: { up_to_seq: number; status: 'delivered' | 'read' },
) {
  const now = deps.clock.now();
  const marks = await commitWithEffects(deps, async (t) => {
    const r = await moveWatermarks(t, sessionId, side, userId, input.up_to_seq, input.status, now);
    if (!r) {
      // The UPDATE is keyed on id and participant: nothing matched means missing (404) or not theirs (403).
      await sessionOfParticipant(t, sessionId, side, userId);
      throw new AppError('FORBIDDEN');
    }
    await t.enqueue([counters(sessionId, now)]);
    return r;
  });
  return {
    session_id: sessionId,
    delivered_seq: marks.delivered_seq,
    read_seq: marks.read_seq,
    last_seq: marks.last_seq,
  };
}
