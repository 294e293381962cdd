import { tx } from '../db/tx';
import { AppError } from '../errors';
import { enforceLimit } from '../limits';
import type { SessionsDeps } from './deps';
import { insertReport } from './repo/reports';
import { sessionOfParticipant } from './participant';
import { otherSide, type Side } from './types';

/**
 * A participant reports the other one: one report per session per reporter, never against oneself
 * (the reported is always the other side; the table checks it too). 3+ pending reports flag the
 * reported user for review — derived where it is shown (shared/sessions/admin-reports.ts), not stored.
 * SPEC §13: 10 reports a day per reporter, the token taken with the report (a refused one costs none).
 */
export async function reportSession(
  deps: SessionsDeps,
  side: Side,
  userId: string,
  input: { session_id: string; reason: string; description?: string },
) {
  const s = await sessionOfParticipant(deps.db, input.session_id, side, userId);
  const r = await tx(deps.db, async (c) => {
    await enforceLimit({ db: c, clock: deps.clock, config: deps.config }, 'report', side, userId);
    const stored = await insertReport(
      c,
      {
        session_id: s.id,
        reporter: side,
        reporter_id: userId,
        reported_id: s[`${otherSide(side)}_id`],
        reason: input.reason,
        description: input.description ?? null,
      },
      deps.clock.now(),
    );
    if (!stored) throw new AppError('ALREADY_REPORTED');
    return stored;
  });
  return {
    id: r.id,
    session_id: r.session_id,
    reported: r.reported_type,
    reason: r.reason,
    description: r.description,
    status: r.status as 'pending',
    created_at: r.created_at.toISOString(),
  };
}
