import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Firestore, type DocumentData, type QuerySnapshot } from '@google-cloud/firestore';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

// The local emulator as the apps and the relay meet it through the official client: Listen
// (scripts/local/firestore-emulator/indexed-watch.ts) and set semantics (replace-on-set.ts beside it).
let fs: Firestore;
beforeAll(() => {
  process.env.FIRESTORE_EMULATOR_HOST = inject('firestoreHost');
  fs = new Firestore({ projectId: `watch-${randomUUID().slice(0, 8)}` });
});
afterAll(() => fs.terminate());

/** Every snapshot a listener gets, and a bounded wait for one that satisfies a predicate. */
function watch<T>(subscribe: (next: (value: T) => void, fail: (err: Error) => void) => () => void) {
  const seen: T[] = [];
  const waiters = new Set<() => void>();
  let failure: Error | undefined;
  const stop = subscribe(
    (value) => {
      seen.push(value);
      for (const w of [...waiters]) w();
    },
    (err) => {
      failure = err;
      for (const w of [...waiters]) w();
    },
  );
  const until = (what: string, predicate: (value: T) => boolean) =>
    new Promise<T>((resolve, reject) => {
      const check = () => {
        const last = seen.at(-1);
        if (seen.length > 0 && predicate(last!)) done(() => resolve(last!));
        else if (failure) done(() => reject(failure));
      };
      const timer = setTimeout(() => done(() => reject(new Error(`timed out waiting for ${what}`))), 10_000);
      const done = (settle: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        settle();
      };
      waiters.add(check);
      check();
    });
  return { seen, until, stop };
}

function docWatch(path: string) {
  return watch<DocumentData | null>((next, fail) =>
    fs.doc(path).onSnapshot((snap) => next(snap.exists ? snap.data()! : null), fail),
  );
}

const ids = (snap: QuerySnapshot) => snap.docs.map((d) => d.id);

describe('the emulator’s socket', () => {
  it('listens on 127.0.0.1 only, like the rest of the local stack', () => {
    const port = Number(inject('firestoreHost').split(':').at(-1));
    // The kernel's table of TCP sockets: local address and port in hex, state 0A = LISTEN.
    const listening = ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((table) =>
      readFileSync(table, 'utf8')
        .split('\n')
        .slice(1)
        .map((line) => line.trim().split(/\s+/))
        .filter((cols) => cols[3] === '0A' && parseInt(cols[1]!.split(':')[1]!, 16) === port)
        .map((cols) => cols[1]!.split(':')[0]),
    );
    expect(listening).toEqual(['0100007F']);
  });
});

describe('the emulator’s writes', () => {
  it('a plain set replaces the document; a merge set and update() keep the other fields', async () => {
    const ref = fs.doc(`rooms/${randomUUID()}`);
    const w = docWatch(ref.path);
    await ref.set({ a: 1, b: 2 });
    const created = (await ref.get()).createTime!;
    await ref.set({ a: 3 });
    const replaced = await ref.get();
    expect(replaced.data()).toEqual({ a: 3 });
    expect(replaced.createTime!.isEqual(created)).toBe(true);
    await w.until('the replaced document', (d) => d?.a === 3 && !('b' in d));
    await ref.set({ c: 4 }, { merge: true });
    await ref.update({ d: 5 });
    expect((await ref.get()).data()).toEqual({ a: 3, c: 4, d: 5 });
    await expect(ref.create({ x: 1 })).rejects.toThrow(/ALREADY_EXISTS|already exists/i);
    w.stop();
  });
});

describe('the emulator’s indexed Listen', () => {
  it('a document listener sees a missing document, its creation, updates, deletion and re-creation', async () => {
    const path = `rooms/${randomUUID()}`;
    const w = docWatch(path);
    await w.until('the missing document', (d) => d === null);
    await fs.doc(path).set({ n: 1 });
    await w.until('the creation', (d) => d?.n === 1);
    await fs.doc(path).update({ n: 2, extra: 'x' });
    await w.until('the update', (d) => d?.n === 2 && d.extra === 'x');
    await fs.doc(path).delete();
    await w.until('the deletion', (d) => d === null);
    await fs.doc(path).set({ n: 3 });
    expect(await w.until('the re-creation', (d) => d?.n === 3)).toEqual({ n: 3 });
    w.stop();
  });

  it('no update is lost to writes in the same millisecond: the listener always ends on the stored value', async () => {
    const path = `rooms/${randomUUID()}`;
    const w = docWatch(path);
    for (let round = 0; round < 20; round += 1) {
      await Promise.all(Array.from({ length: 10 }, (_, i) => fs.doc(path).set({ round, i })));
      const stored = (await fs.doc(path).get()).data();
      await w.until(
        `round ${round}'s last write ${JSON.stringify(stored)}`,
        (d) => d?.i === stored?.i && d?.round === round,
      );
    }
    w.stop();
  });

  it('one commit is one snapshot: a batch deleting and re-setting a document shows only its end state', async () => {
    const path = `rooms/${randomUUID()}`;
    await fs.doc(path).set({ old: true, keep: 1 });
    const w = docWatch(path);
    await w.until('the first state', (d) => d?.old === true);
    const batch = fs.batch();
    batch.delete(fs.doc(path));
    batch.set(fs.doc(path), { fresh: true });
    await batch.commit();
    await w.until('the replaced document', (d) => d?.fresh === true);
    expect(w.seen).toEqual([{ old: true, keep: 1 }, { fresh: true }]);
    w.stop();
  });

  it('a query listener gets additions, changes, removals and filter exits, in order', async () => {
    const messages = fs.collection(`rooms/${randomUUID()}/messages`);
    const w = watch<QuerySnapshot>((next, fail) =>
      messages.where('visible', '==', true).orderBy('seq').onSnapshot(next, fail),
    );
    await w.until('the empty result', (s) => s.empty);
    await messages.doc('b').set({ seq: 2, visible: true });
    await messages.doc('a').set({ seq: 1, visible: true });
    await messages.doc('hidden').set({ seq: 3, visible: false });
    await w.until('a and b in seq order', (s) => ids(s).join() === 'a,b');
    await messages.doc('a').update({ body: 'edited' });
    const edited = await w.until('the edit', (s) => s.docs[0]?.get('body') === 'edited');
    expect(ids(edited)).toEqual(['a', 'b']);
    await messages.doc('hidden').update({ visible: true });
    await w.until('hidden entering the filter', (s) => ids(s).join() === 'a,b,hidden');
    await messages.doc('b').update({ visible: false });
    await w.until('b leaving the filter', (s) => ids(s).join() === 'a,hidden');
    await messages.doc('a').delete();
    expect(ids(await w.until('a deleted', (s) => ids(s).join() === 'hidden'))).toEqual(['hidden']);
    w.stop();
  });

  it('a limited query slides: the newest three by seq', async () => {
    const messages = fs.collection(`rooms/${randomUUID()}/messages`);
    const w = watch<QuerySnapshot>((next, fail) => messages.orderBy('seq', 'desc').limit(3).onSnapshot(next, fail));
    for (let seq = 1; seq <= 6; seq += 1) await messages.doc(`m${seq}`).set({ seq });
    expect(ids(await w.until('the newest three', (s) => ids(s).join() === 'm6,m5,m4'))).toEqual(['m6', 'm5', 'm4']);
    await messages.doc('m6').delete();
    await w.until('m3 back in the window', (s) => ids(s).join() === 'm5,m4,m3');
    w.stop();
  });

  it('a write elsewhere gives a listener no extra snapshot (another collection or document)', async () => {
    const room = `rooms/${randomUUID()}`;
    const docW = docWatch(`${room}/state/current`);
    const queryW = watch<QuerySnapshot>((next, fail) => fs.collection(`${room}/messages`).onSnapshot(next, fail));
    await docW.until('the missing document', (d) => d === null);
    await queryW.until('the empty result', (s) => s.empty);
    await fs.doc(`${room}/state/other`).set({ x: 1 });
    await fs.doc(`rooms/${randomUUID()}/messages/m1`).set({ x: 1 });
    await fs.doc(`${room}/messages/m1`).set({ x: 2 });
    await queryW.until('its own message', (s) => s.size === 1);
    await fs.doc(`${room}/state/current`).set({ x: 3 });
    await docW.until('its own document', (d) => d?.x === 3);
    expect(docW.seen).toEqual([null, { x: 3 }]);
    expect(queryW.seen.map((s) => s.size)).toEqual([0, 1]);
    docW.stop();
    queryW.stop();
  });

  it('hundreds of listeners on a burst of writes in one batch each see their own document', async () => {
    const base = `offers-${randomUUID()}`;
    const paths = Array.from({ length: 400 }, (_, i) => `${base}/o${i}`);
    const watches = paths.map((p) => docWatch(p));
    await Promise.all(watches.map((w) => w.until('the missing document', (d) => d === null)));
    const batch = fs.batch();
    paths.forEach((p, i) => batch.set(fs.doc(p), { i }));
    await batch.commit();
    const last = await Promise.all(watches.map((w, i) => w.until(`offer ${i}`, (d) => d?.i === i)));
    expect(last).toEqual(paths.map((_, i) => ({ i })));
    for (const w of watches) w.stop();
  });

  it('a query the emulator cannot answer fails that listener only; the emulator keeps serving', async () => {
    const room = `rooms/${randomUUID()}`;
    const bad = watch<QuerySnapshot>((next, fail) =>
      fs.collection(`${room}/messages`).where('meta.kind', '==', 'x').onSnapshot(next, fail),
    );
    await fs.doc(`${room}/messages/m1`).set({ meta: { kind: 'x' } });
    await expect(bad.until('an error', () => false)).rejects.toThrow(/Not implemented/);
    const good = docWatch(`${room}/messages/m1`);
    expect(await good.until('the document', (d) => d !== null)).toEqual({ meta: { kind: 'x' } });
    good.stop();
  });
});
