import { AppError } from '../errors';
import type { SessionsDeps } from './deps';
import { sessionOfParticipant } from './participant';
import { typingDocPath } from './paths';
import { claimTypingWrite } from './repo/chat-sessions.chat';
import type { Side } from './types';
import { typingDoc } from './views';

/** A typing flag not refreshed within this long is stale (a lost "stopped typing" must not stick). */
const TYPING_TTL_SECONDS = 10;
/** SPEC §7: at most one Firestore write per side per this long, however fast the app calls. */
const TYPING_WRITE_GAP_SECONDS = 2;

/**
 * `sessions/{id}/typing/{side}`: ephemeral, so written straight to Firestore, not through the outbox
 * (no Postgres row per keystroke; a lost flag is harmless and carries its own expiry). One conditional
 * UPDATE of the session row decides whether this call writes (none within 2 s of the side's last write)
 * and marks the side active for the push rule. A call inside the gap answers 204 and writes nothing:
 * the doc converges at the side's next write, or at its `expires_at` (apps show a flag past it as not
 * typing), so a "stopped" lost to the gap shows for at most TYPING_TTL_SECONDS.
 */
export async function setTyping(
  deps: SessionsDeps,
  side: Side,
  userId: string,
  sessionId: string,
  isTyping: boolean,
): Promise<void> {
  const now = deps.clock.now();
  const gaps = { minGapSeconds: TYPING_WRITE_GAP_SECONDS, activityGapSeconds: TYPING_TTL_SECONDS };
  if (!(await claimTypingWrite(deps.db, sessionId, side, userId, now, gaps))) {
    const s = await sessionOfParticipant(deps.db, sessionId, side, userId);
    if (s.status !== 'active') throw new AppError('SESSION_NOT_ACTIVE');
    return; // written within the gap: coalesced
  }
  try {
    await deps.realtime.set(typingDocPath(sessionId, side), typingDoc(isTyping, now, TYPING_TTL_SECONDS), {
      merge: false,
    });
  } catch (err) {
    deps.logger.warn('typing flag not written', { session_id: sessionId, error: (err as Error).message });
  }
}
