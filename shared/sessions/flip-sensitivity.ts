import { AppError } from '../errors';
import { commitWithEffects, effect } from '../outbox';
import type { SessionsDeps } from './deps';
import { latestExtensionOf } from './repo/session-extensions';
import { sessionOfParticipant } from './participant';
import { mitraSessionDocPath } from './paths';
import { findFullSession, updateSession } from './repo/chat-sessions';
import { insertSensitivityFlip } from './repo/session-sensitivity-log';
import type { Sensitivity } from './types';
import { mitraSessionDoc, mitraSessionView } from './views';

/**
 * The session's mitra flips the topic sensitivity while active (SPEC §7). A real flip writes one
 * `session_sensitivity_log` row and the mitra's own doc; a no-op writes nothing; with the one-way
 * latch on, sensitive never goes back to regular. The customer-readable docs never carry it.
 */
export async function flipSensitivity(deps: SessionsDeps, mitraId: string, sessionId: string, to: Sensitivity) {
  const cfg = await deps.config.get();
  const now = deps.clock.now();
  await commitWithEffects(deps, async (t) => {
    const s = await sessionOfParticipant(t, sessionId, 'mitra', mitraId, true);
    if (s.status !== 'active') throw new AppError('SESSION_NOT_ACTIVE');
    if (s.topic_sensitivity === to) return false;
    if (cfg.sensitive_flag_one_way_latch && s.topic_sensitivity === 'sensitive')
      throw new AppError('SENSITIVITY_LATCHED');
    const moved = (await updateSession(t, s.id, { from: ['active'] }, { topic_sensitivity: to }, now, false))!;
    await insertSensitivityFlip(t, { sessionId: s.id, mitraId, from: s.topic_sensitivity, to }, now);
    const ext = await latestExtensionOf(t, s.id);
    await t.enqueue([{ item: effect.setDoc(mitraSessionDocPath(mitraId, s.id), mitraSessionDoc(moved, ext)) }]);
    return true;
  });
  const full = (await findFullSession(deps.db, sessionId))!;
  return mitraSessionView(full, cfg, await latestExtensionOf(deps.db, sessionId));
}
