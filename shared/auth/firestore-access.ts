import type { Queryable } from '../db/pool';
import { effect, type OutboxEntry, type Tx } from '../outbox';
import { firebaseUid } from '../realtime';
import { bumpFirestoreEpoch, movedEpochs, type EpochSide } from '../users';
import type { UserAccessDoc } from './documents';

/** What every Firestore rule compares the token's `epoch` claim with; no app reads it (SPEC §13). */
export const userDocPath = (uid: string) => `users/${uid}`;

/**
 * Ends the Firestore access of every Firebase session the user holds (logout of the last session, ban,
 * deactivation, deletion): a new epoch, published to `users/{uid}` in the same transaction. A listener
 * signed in with an older token is refused by the rules as soon as the document lands; the app gets a
 * new Firebase token (which carries the new epoch) only while it still has a session of ours.
 */
export async function endFirestoreAccess(t: Tx, side: EpochSide, userId: string): Promise<void> {
  const epoch = await bumpFirestoreEpoch(t, side, userId);
  if (epoch === undefined) return;
  const doc: UserAccessDoc = { epoch };
  await t.enqueue([{ item: effect.setDoc(userDocPath(firebaseUid(side, userId)), doc, false) }]);
}

/**
 * Every `users/{uid}` epoch doc, for the mirror rebuild: without them a rebuilt project would read every
 * epoch as 0, and a Firebase token from before a logout, a ban or a deletion would pass the rules again.
 */
export async function epochMirrorEntries(q: Queryable): Promise<OutboxEntry[]> {
  return (await movedEpochs(q)).map((u) => ({
    item: effect.setDoc(userDocPath(firebaseUid(u.side, u.id)), { epoch: u.epoch } satisfies UserAccessDoc, false),
  }));
}
