import { AppError } from '../errors';
import type { SessionsDeps } from './deps';
import { sessionOfParticipant } from './participant';
import { typingDocPath } from './paths';
import { touchActivity } from './repo/chat-sessions';
import type { Side } from './types';
import { typingDoc } from './views';

/** A typing flag not refreshed within this long is stale (a lost "stopped typing" must not stick). */
const TYPING_TTL_SECONDS = 10;

/**
 * `sessions/{id}/typing/{side}`: ephemeral, so written straight to Firestore, not through the outbox
 * (no Postgres row per keystroke; a lost flag is harmless and carries its own expiry). Counts as
 * activity for the push rule, recorded at most every 10 s.
 */
export async function setTyping(
  deps: SessionsDeps,
  side: Side,
  userId: string,
  sessionId: string,
  isTyping: boolean,
): Promise<void> {
  const s = await sessionOfParticipant(deps.db, sessionId, side, userId);
  if (s.status !== 'active') throw new AppError('SESSION_NOT_ACTIVE');
  const now = deps.clock.now();
  await touchActivity(deps.db, sessionId, side, now, TYPING_TTL_SECONDS);
  try {
    await deps.realtime.set(typingDocPath(sessionId, side), typingDoc(isTyping, now, TYPING_TTL_SECONDS), {
      merge: false,
    });
  } catch (err) {
    deps.logger.warn('typing flag not written', { session_id: sessionId, error: (err as Error).message });
  }
}
