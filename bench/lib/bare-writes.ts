import type { DocumentData, DocumentReference, Firestore } from '@google-cloud/firestore';
import { MAX_BATCH_WRITES } from '../../shared/ports/realtime';

/**
 * The bare baselines' writer: documents set straight from this process with the official client, in
 * commits of MAX_BATCH_WRITES, three in flight (as our relay writes), in the order given. No Postgres,
 * no outbox: what the emulator alone needs for as many documents. The references are built by the
 * caller, before its clock starts.
 */
export async function writeStraight(
  fs: Firestore,
  docs: Array<{ ref: DocumentReference; data: DocumentData }>,
  merge = false,
): Promise<void> {
  let next = 0;
  const committer = async () => {
    while (next < docs.length) {
      const batch = fs.batch();
      for (const d of docs.slice(next, (next += MAX_BATCH_WRITES))) batch.set(d.ref, d.data, { merge });
      await batch.commit();
    }
  };
  await Promise.all([committer(), committer(), committer()]);
}
