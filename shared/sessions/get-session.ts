import type { SessionsDeps } from './deps';
import { latestExtensionOf } from './repo/session-extensions';
import { paymentsFor, viewFor } from './list-sessions';
import { sessionOfParticipant } from './participant';
import { findFullSession } from './repo/chat-sessions';
import type { Side } from './types';

export async function getSession<S extends Side>(deps: SessionsDeps, side: S, userId: string, sessionId: string) {
  await sessionOfParticipant(deps.db, sessionId, side, userId);
  const s = (await findFullSession(deps.db, sessionId))!;
  const payment = (await paymentsFor(deps.db, side, [sessionId])).get(sessionId);
  return viewFor(side, await deps.config.get())(s, await latestExtensionOf(deps.db, sessionId), payment);
}
