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

  it('records a new document in its collection in place, as the package would build it', () => {
    const state = new emulator.FirestoreState();
    const first = state.getDocument(`${root}/mitras/m1/offers/o1`);
    const collection = state.getCollection(`${root}/mitras/m1/offers`) as unknown as { documents: object };
    const record = collection.documents;
    const second = state.getDocument(`${root}/mitras/m1/offers/o2`);
    expect(collection.documents).toBe(record);
    expect(Object.keys(record)).toEqual(['o1', 'o2']);
    expect(second).toBeInstanceOf(emulator.FirestoreStateDocument);
    expect(second.getPath()).toBe(`${root}/mitras/m1/offers/o2`);
    expect(second.metadata.hasExist).toBe(false);
    const created: string[] = [];
    state.emitter.on('create-document', ({ document }: { document: { getPath(): string } }) =>
      created.push(document.getPath()),
    );
    second.set(new Date(), {});
    expect(created).toEqual([second.getPath()]);
    expect(first.metadata.hasExist).toBe(false);
    // A name the package's `in` check would have found on Object.prototype is a document like any other.
    expect(state.getDocument(`${root}/mitras/m1/offers/constructor`)).toBeInstanceOf(emulator.FirestoreStateDocument);
  });

  it('leaves a path that is not a document’s to the package, and its error', () => {
    const state = new emulator.FirestoreState();
    for (const path of [
      'projects/p/databases/(default)/documents/mitras',
      'nope/p/databases/d/documents/c/d',
      `${root}/a/b/c`,
    ])
      expect(() => state.getDocument(path)).toThrow(/Invalid path/);
  });
});
