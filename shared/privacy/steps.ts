import { effect, newestOutboxId, scrubDeliveredMentions, type Tx } from '../outbox';
import {
  cancelOpenRequestOf,
  offerDocPath,
  offeredRequestIdsPage,
  pairingDocPath,
  withdrawOpenOffers,
} from '../pairing';
import {
  endSessionsOfUser,
  eraseOwnFeedback,
  liveSessionIdsOf,
  mitraSessionDocPath,
  removeOwnMessageBodies,
  rewriteOwnSessions,
  sessionIdsPage,
} from '../sessions';
import { forgetNamesInAudit } from '../controlcenter';
import type { PrivacyDeps } from './deps';
import type { ErasureRow } from './repo/erasures';

/**
 * The steps of an erasure after its request (request-erasure.ts), in order. Each runs in one transaction
 * with the erasure row locked and either moves on (`next`) or asks for another batch of itself (`again`,
 * with where it got to): every step is bounded, and repeating a batch finds its work done.
 */
export const STEP_NAMES = [
  'sessions',
  'wait',
  'messages',
  'session_docs',
  'feedback',
  'documents',
  'outbox',
  'done',
] as const;
export type StepName = (typeof STEP_NAMES)[number];

export type StepOutcome =
  { next: StepName; runAt?: Date } | { again: true; position?: string; runAt?: Date; outboxUntil?: string };
type Step = (t: Tx, deps: PrivacyDeps, e: ErasureRow, now: Date) => Promise<StepOutcome>;

export const BATCH = { messages: 500, sessions: 100, documents: 400, outboxIds: 50_000 };
/** How long the erasure waits for a closing session to complete, checked every WAIT_SECONDS. */
export const WAIT_SECONDS = 60;
const MAX_WAITS = 90;

const side = (e: ErasureRow) => e.user_type;

const STEPS: Record<Exclude<StepName, 'done'>, Step> = {
  /** The live session moves to closing (unpaid: cancelled), the open request is cancelled, offers withdrawn. */
  sessions: async (t, deps, e, now) => {
    if (side(e) === 'customer') await cancelOpenRequestOf(t, e.user_id, now);
    else await withdrawOpenOffers(t, e.user_id, now);
    await endSessionsOfUser(t, deps, side(e), e.user_id, 'account_deleted', now);
    return { next: 'wait' };
  },
  /**
   * A session in closing still changes (the other side's goodbye, then completed, rewriting its docs):
   * the rest waits for it, so nothing the steps erase is written again after them.
   */
  wait: async (t, _deps, e, now) => {
    const current = await liveSessionIdsOf(t, side(e), e.user_id);
    if (current.length > 0 && e.batch < MAX_WAITS)
      return { again: true, runAt: new Date(now.getTime() + WAIT_SECONDS * 1000) };
    return { next: 'messages' };
  },
  /** The user's own message bodies, in Postgres and their Firestore docs (held sessions keep theirs). */
  messages: async (t, _deps, e, now) =>
    (await removeOwnMessageBodies(t, side(e), e.user_id, BATCH.messages, now)) === BATCH.messages
      ? { again: true }
      : { next: 'session_docs' },
  /** Their goodbyes, and every shared session doc rewritten with the stub's name. */
  session_docs: async (t, _deps, e) => {
    const last = await rewriteOwnSessions(t, side(e), e.user_id, e.position ?? undefined, BATCH.sessions);
    return last ? { again: true, position: last } : { next: 'feedback' };
  },
  /** Rating comments and closed reports' texts; the operators' trail names them by id alone. */
  feedback: async (t, _deps, e) => {
    await eraseOwnFeedback(t, side(e), e.user_id);
    await forgetNamesInAudit(t, side(e), e.user_id);
    return { next: 'documents' };
  },
  /** Every document under `customers/{id}` / `mitras/{id}` (found from Postgres: Firestore is never listed). */
  documents: async (t, _deps, e) => {
    const { paths, position } = await ownDocumentsPage(t, e);
    await t.enqueue(paths.map((p) => ({ item: effect.deleteDoc(p) })));
    return position ? { again: true, position } : { next: 'outbox' };
  },
  /** The outbox's delivered copies (message bodies, names, device tokens), up to its newest row at the start. */
  outbox: async (t, _deps, e) => {
    const until = e.outbox_until === null ? await newestOutboxId(t) : Number(e.outbox_until);
    const sessionIds = await sessionIdsPage(t, side(e), e.user_id, undefined, 1_000_000);
    const { next } = await scrubDeliveredMentions(
      t,
      { afterId: Number(e.position ?? 0), untilId: until, span: BATCH.outboxIds },
      { texts: [e.user_id], sessionIds },
    );
    return next < until ? { again: true, position: String(next), outboxUntil: String(until) } : { next: 'done' };
  },
};

export const FIRST_STEP: StepName = 'sessions';
export const stepOf = (name: string): Step | undefined => (STEPS as Record<string, Step>)[name];

/**
 * A page of the user's own document paths: a customer's pairing doc; a mitra's offer docs (one per
 * request ever offered) then its own session docs. `position` is `<phase>:<last id>`.
 */
async function ownDocumentsPage(t: Tx, e: ErasureRow): Promise<{ paths: string[]; position?: string }> {
  if (side(e) === 'customer') return { paths: [pairingDocPath(e.user_id)] };
  const [phase, last] = (e.position ?? 'offers:').split(':') as ['offers' | 'sessions', string];
  const after = last || undefined;
  if (phase === 'offers') {
    const ids = await offeredRequestIdsPage(t, e.user_id, after, BATCH.documents);
    const position = ids.length < BATCH.documents ? 'sessions:' : `offers:${ids[ids.length - 1]}`;
    return { paths: ids.map((id) => offerDocPath(e.user_id, id)), position };
  }
  const ids = await sessionIdsPage(t, 'mitra', e.user_id, after, BATCH.documents);
  return {
    paths: ids.map((id) => mitraSessionDocPath(e.user_id, id)),
    position: ids.length < BATCH.documents ? undefined : `sessions:${ids[ids.length - 1]}`,
  };
}
