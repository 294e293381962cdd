import { tx } from '../db/tx';
import { AppError } from '../errors';
import { enqueue, outbox } from '../outbox/outbox';
import type { SessionsDeps } from './deps';
import { latestExtensionOf } from './extensions-repo';
import { sessionOfParticipant } from './participant';
import { mitraSessionDocPath } from './paths';
import { findFullSession, updateSession } from './repo';
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
  const changed = await tx(deps.db, async (c) => {
    const s = await sessionOfParticipant(c, sessionId, 'mitra', mitraId, true);
    if (s.status !== 'active') throw new AppError('SESSION_NOT_ACTIVE');
    if (s.topic_sensitivity === to) return false;
    if (cfg.sensitive_flag_one_way_latch && s.topic_sensitivity === 'sensitive')
      throw new AppError('SENSITIVITY_LATCHED');
    const moved = (await updateSession(c, s.id, { from: ['active'] }, { topic_sensitivity: to }, now, false))!;
    await c.query(
      `INSERT INTO session_sensitivity_log (session_id, mitra_id, from_sensitivity, to_sensitivity, created_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [s.id, mitraId, s.topic_sensitivity, to, now],
    );
    const ext = await latestExtensionOf(c, s.id);
    await enqueue(c, outbox.setDoc(mitraSessionDocPath(mitraId, s.id), mitraSessionDoc(moved, ext)));
    return true;
  });
  if (changed) deps.outbox.kick();
  const full = (await findFullSession(deps.db, sessionId))!;
  return mitraSessionView(full, cfg, await latestExtensionOf(deps.db, sessionId));
}
