import { randomUUID } from 'node:crypto';
import { Firestore } from '@google-cloud/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenViewFree, type SeenDoc } from '../../bench/lib/view-free-listener';
import { createTestStack, type TestStack } from '../helpers/runtime';

// The burst bench's lean listener must report what the official client's onSnapshot reports: every added
// or modified document with its status, at the same consistent snapshots, and no removed one.
let s: TestStack;
let fs: Firestore;
beforeAll(async () => {
  s = await createTestStack();
  fs = new Firestore({ projectId: s.rt.env.FIREBASE_PROJECT_ID });
});
afterAll(async () => {
  await fs.terminate();
  await s.close();
});

const until = async (done: () => boolean) => {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('the view-free listener', () => {
  it('sees the same changes as onSnapshot, snapshot by snapshot', async () => {
    const offers = fs.collection(`mitras/${randomUUID()}/offers`);
    const sdk: SeenDoc[][] = [];
    const lean: SeenDoc[][] = [];
    const unsubscribeSdk = offers.onSnapshot((snap) => {
      const changes = snap
        .docChanges()
        .filter((c) => c.type !== 'removed')
        .map((c) => ({ path: c.doc.ref.path, status: c.doc.get('status') as string | undefined }));
      if (changes.length) sdk.push(changes);
    });
    const errors: Error[] = [];
    const unsubscribeLean = await listenViewFree(
      fs,
      offers,
      (docs) => lean.push(docs),
      (e) => errors.push(e),
    );
    const sorted = (batches: SeenDoc[][]) => batches.map((b) => [...b].sort((x, y) => x.path.localeCompare(y.path)));

    const batch = fs.batch();
    for (const id of ['r1', 'r2', 'r3']) batch.set(offers.doc(id), { status: 'offered', n: 1 });
    await batch.commit();
    await until(() => lean.length >= 1 && sdk.length >= 1);
    await offers.doc('r2').set({ status: 'missed' });
    await until(() => lean.length >= 2 && sdk.length >= 2);
    await offers.doc('r1').delete();
    await offers.doc('r4').set({ other: true });
    await until(() => lean.length >= 3 && sdk.length >= 3);

    expect(sorted(lean)).toEqual(sorted(sdk));
    expect(sorted(lean)).toEqual([
      ['r1', 'r2', 'r3'].map((id) => ({ path: `${offers.path}/${id}`, status: 'offered' })),
      [{ path: `${offers.path}/r2`, status: 'missed' }],
      [{ path: `${offers.path}/r4`, status: undefined }],
    ]);
    unsubscribeSdk();
    unsubscribeLean();
    expect(errors).toEqual([]);
  });
});
