import type { Queryable } from '../db/pool';
import { AppError } from '../errors';
import { findSession } from './repo/chat-sessions';
import type { SessionRow, Side } from './types';

/** The session, if the caller takes part in it: a missing one is 404, someone else's 403 (SPEC §7). */
export async function sessionOfParticipant(
  q: Queryable,
  sessionId: string,
  side: Side,
  userId: string,
  lock = false,
): Promise<SessionRow> {
  const s = await findSession(q, sessionId, lock);
  if (!s) throw new AppError('NOT_FOUND', 'Sesi tidak ditemukan');
  if (s[`${side}_id`] !== userId) throw new AppError('FORBIDDEN', 'Kamu bukan peserta sesi ini');
  return s;
}
