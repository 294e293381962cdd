import { effect, type Tx } from '../outbox';
import { replaceSessionDocEntry } from './effects';
import { messageDocPath } from './paths';
import { removeOwnMessages } from './repo/chat-messages.privacy';
import { eraseOwnGoodbyes, sessionIdsPage } from './repo/chat-sessions.privacy';
import { eraseOwnReportTexts, hasOpenReport } from './repo/reports';
import { eraseRatingComments } from './repo/session-ratings';
import type { Side } from './types';
import { messageDoc } from './views';

/**
 * What an account deletion (SPEC §14) erases of a user's traces in sessions, one bounded batch per call,
 * each in the caller's transaction. A session with an open report is under legal hold: its messages and
 * goodbye keep their words until the report is closed (`releaseHeldSession`).
 */

/** Up to `limit` of the side's own message bodies emptied, and their docs rewritten; answers how many. */
export async function removeOwnMessageBodies(
  t: Tx,
  side: Side,
  userId: string,
  limit: number,
  now: Date,
  sessionId?: string,
): Promise<number> {
  const rows = await removeOwnMessages(t, side, userId, { sessionId, limit }, now);
  await t.enqueue(rows.map((m) => ({ item: effect.setDoc(messageDocPath(m.session_id, m.id), messageDoc(m), false) })));
  return rows.length;
}

/** The shared `sessions/{id}` doc of each, rebuilt from Postgres (names, goodbyes); not the mitra's own doc. */
async function rewriteSessionDocs(t: Tx, sessionIds: string[]) {
  for (const id of sessionIds) await t.enqueue([await replaceSessionDocEntry(t, id)]);
}

/**
 * A page (by id, after `afterId`) of the user's sessions: their own goodbye text erased where no report is
 * open, and each shared session doc rewritten, so the other side's app shows the deleted account's stub
 * name and no goodbye. Answers the page's last id, undefined once there is none.
 */
export async function rewriteOwnSessions(
  t: Tx,
  side: Side,
  userId: string,
  afterId: string | undefined,
  limit: number,
): Promise<string | undefined> {
  const ids = await sessionIdsPage(t, side, userId, afterId, limit);
  if (ids.length === 0) return undefined;
  await eraseOwnGoodbyes(t, side, ids);
  await rewriteSessionDocs(t, ids);
  return ids.length < limit ? undefined : ids[ids.length - 1];
}

/** Ratings stay without the customer's comment; the reports the user filed keep no words once closed. */
export async function eraseOwnFeedback(t: Tx, side: Side, userId: string): Promise<void> {
  if (side === 'customer') await eraseRatingComments(t, userId);
  await eraseOwnReportTexts(t, side, userId);
}

/**
 * The hold on one session of a deleted user lifts once no report on it is open: up to `limit` bodies per
 * call, then the goodbye, the doc and the user's own report text. `held` while a report is still open
 * (a new one may have come in), `more` when a batch was full, `done` when nothing is left.
 */
export async function releaseHeldSession(
  t: Tx,
  side: Side,
  userId: string,
  sessionId: string,
  limit: number,
  now: Date,
): Promise<'held' | 'more' | 'done'> {
  if (await hasOpenReport(t, sessionId)) return 'held';
  if ((await removeOwnMessageBodies(t, side, userId, limit, now, sessionId)) === limit) return 'more';
  await eraseOwnGoodbyes(t, side, [sessionId]);
  await rewriteSessionDocs(t, [sessionId]);
  await eraseOwnReportTexts(t, side, userId, sessionId);
  return 'done';
}
