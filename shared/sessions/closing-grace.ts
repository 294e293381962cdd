import { tx } from '../db/tx';
import { completeSession } from './complete-session';
import type { SessionsDeps } from './deps';

/** Timer at closing + closing_grace_seconds: → completed, unless both goodbyes already completed it. */
export async function closingGraceEnded(deps: SessionsDeps, sessionId: string, version: number) {
  const now = deps.clock.now();
  const done = await tx(deps.db, async (c) => Boolean(await completeSession(c, sessionId, version, now)));
  if (done) deps.outbox.kick();
  return done;
}
