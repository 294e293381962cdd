import { AppError } from '../errors';
import { commitWithEffects } from '../outbox';
import { buildPush } from '../push';
import type { SessionsDeps } from './deps';
import { pushEntries, sessionDocEntries } from './effects';
import { sessionOfParticipant } from './participant';
import { updateSession } from './repo/chat-sessions';
import { moveSession } from './transitions';
import { otherSide, type Side } from './types';

/**
 * One goodbye per side, only while closing; the other side sees it in the session doc. The second
 * goodbye completes the session at once. A goodbye is not a transition (no version bump): the grace
 * timer stays valid.
 */
export async function postGoodbye(
  deps: SessionsDeps,
  side: Side,
  userId: string,
  sessionId: string,
  message: string | undefined,
) {
  const now = deps.clock.now();
  await commitWithEffects(deps, async (t) => {
    const seen = await sessionOfParticipant(t, sessionId, side, userId, true);
    if (seen.status !== 'closing') throw new AppError('SESSION_NOT_CLOSING');
    if (seen[`${side}_goodbye_at`]) throw new AppError('GOODBYE_ALREADY_SENT');
    const change =
      side === 'customer'
        ? { customer_goodbye: message ?? null, customer_goodbye_at: now }
        : { mitra_goodbye: message ?? null, mitra_goodbye_at: now };
    const s = (await updateSession(t, sessionId, { from: ['closing'], version: seen.version }, change, now, false))!;
    const to = otherSide(side);
    const push = await pushEntries(
      t,
      to,
      s[`${to}_id`],
      buildPush('goodbye', { session_id: s.id, from: side }),
      `goodbye:${s.id}:${side}`,
    );
    if (s[`${to}_goodbye_at`]) await moveSession(t, deps, s.id, 'complete', { now, version: s.version });
    else await t.enqueue(await sessionDocEntries(t, s.id));
    await t.enqueue(push);
  });
}
