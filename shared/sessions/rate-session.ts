import { AppError } from '../errors';
import type { SessionsDeps } from './deps';
import { insertRating } from './repo/session-ratings';
import { sessionOfParticipant } from './participant';

/** Once per session, by its customer, after the chat ended (closing or completed). */
export async function rateSession(
  deps: SessionsDeps,
  customerId: string,
  sessionId: string,
  input: { stars: number; comment?: string },
) {
  const s = await sessionOfParticipant(deps.db, sessionId, 'customer', customerId);
  if (s.status !== 'closing' && s.status !== 'completed') throw new AppError('SESSION_NOT_ENDED');
  const r = await insertRating(
    deps.db,
    { session_id: s.id, customer_id: customerId, stars: input.stars, comment: input.comment ?? null },
    deps.clock.now(),
  );
  if (!r) throw new AppError('ALREADY_RATED');
  return { session_id: r.session_id, stars: r.stars, comment: r.comment, created_at: r.created_at.toISOString() };
}
