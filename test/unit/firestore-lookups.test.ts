import { describe, expect, it } from 'vitest';
import { directChildLookups } from '../../scripts/local/firestore-lookups';
import { emulator } from '../helpers/emulator';

directChildLookups(emulator);
directChildLookups(emulator); // twice: the second call must not wrap the first

const root = 'projects/p/databases/(default)/documents';

describe('direct child lookups in the emulator state', () => {
  it('returns the same document and collection objects on every lookup, and leaves their parents untouched', () => {
    const state = new emulator.FirestoreState();
    const doc = state.getDocument(`${root}/mitras/m1/offers/o1`);
    const collection = state.getCollection(`${root}/mitras/m1/offers`);
    const records = (collection as unknown as { documents: object }).documents;
    expect(state.getDocument(`${root}/mitras/m1/offers/o1`)).toBe(doc);
    expect(state.getCollection(`${root}/mitras/m1/offers`)).toBe(collection);
    expect((collection as unknown as { documents: object }).documents).toBe(records);
  });

  it('still creates what is missing through the package (collections announced), once', () => {
    const state = new emulator.FirestoreState();
    const added: string[] = [];
    state.emitter.on('add-collection', ({ collection }: { collection: { getPath(): string } }) =>
      added.push(collection.getPath()),
    );
    const a = state.getDocument(`${root}/sessions/s1/messages/x`);
    const b = state.getDocument(`${root}/sessions/s1/messages/x`);
    expect(a).toBe(b);
    expect(added).toEqual([`${root}/sessions`, `${root}/sessions/s1/messages`]);
    a.set(new Date(), {});
    expect(state.getDocument(`${root}/sessions/s1/messages/x`).metadata.hasExist).toBe(true);
  });
});
