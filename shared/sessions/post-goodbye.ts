import { tx } from '../db/tx';
import { AppError } from '../errors';
import { enqueueMany } from '../outbox/outbox';
import { buildPush } from '../push/build';
import { completeSession } from './complete-session';
import type { SessionsDeps } from './deps';
import { pushEntries, sessionDocEntries } from './effects';
import { sessionOfParticipant } from './participant';
import { updateSession } from './repo';
import { otherSide, type Side } from './types';

/**
 * One goodbye per side, only while closing; the other side sees it in the session doc. The second
 * goodbye completes the session at once. A goodbye does not bump the version: the grace timer stays valid.
 */
export async function postGoodbye(
  deps: SessionsDeps,
  side: Side,
  userId: string,
  sessionId: string,
  message: string | undefined,
) {
  const now = deps.clock.now();
  await tx(deps.db, async (c) => {
    const seen = await sessionOfParticipant(c, sessionId, side, userId, true);
    if (seen.status !== 'closing') throw new AppError('SESSION_NOT_CLOSING');
    if (seen[`${side}_goodbye_at`]) throw new AppError('GOODBYE_ALREADY_SENT');
    const change =
      side === 'customer'
        ? { customer_goodbye: message ?? null, customer_goodbye_at: now }
        : { mitra_goodbye: message ?? null, mitra_goodbye_at: now };
    const s = (await updateSession(c, sessionId, { from: ['closing'], version: seen.version }, change, now, false))!;
    const to = otherSide(side);
    const push = await pushEntries(
      c,
      to,
      s[`${to}_id`],
      buildPush('goodbye', { session_id: s.id, from: side }),
      `goodbye:${s.id}:${side}`,
    );
    if (s[`${to}_goodbye_at`]) {
      await completeSession(c, s.id, s.version, now);
      await enqueueMany(c, push);
    } else await enqueueMany(c, [...(await sessionDocEntries(c, s.id)), ...push]);
  });
  deps.outbox.kick();
}
