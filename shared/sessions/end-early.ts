import { AppError } from '../errors';
import { commitWithEffects } from '../outbox';
import type { SessionsDeps } from './deps';
import { sessionOfParticipant } from './participant';
import { moveSession } from './transitions';
import type { Side } from './types';

/**
 * A side ends the session → closing. While active it is an early end, allowed per side by the
 * `early_end` config (else 403 EARLY_END_DISABLED); after time-up (expired) ending is declining the
 * extension and always allowed.
 */
export async function endEarly(deps: SessionsDeps, side: Side, userId: string, sessionId: string) {
  const cfg = await deps.config.get();
  const now = deps.clock.now();
  await commitWithEffects(deps, async (t) => {
    const s = await sessionOfParticipant(t, sessionId, side, userId, true);
    if (s.status !== 'active' && s.status !== 'expired') throw new AppError('SESSION_NOT_ACTIVE');
    if (s.status === 'active' && !cfg.early_end[side]) throw new AppError('EARLY_END_DISABLED');
    await moveSession(t, deps, s.id, 'close', { now, version: s.version, reason: `ended_by_${side}` });
  });
}
