import { describe, expect, it } from 'vitest';
import {
  FirestoreState,
  IndexedWatch,
  ListenRequest,
  type ListenCall,
} from '../../scripts/local/firestore-emulator/testing';

// The indexed Listen alone, driven as the gRPC server drives it: what a write wakes, and what each stream
// is sent. The official client's side of it is test/integration/firestore-emulator.test.ts.
const root = 'projects/p/databases/(default)/documents';

interface Sent {
  response_type: 'target_change' | 'document_change' | 'document_remove';
  toObject(): {
    target_change?: { target_change_type: number; target_ids: number[]; cause?: { message: string } };
    document_change?: { document: { name: string; update_time: { seconds: number; nanos: number } } };
    document_remove?: { document: string; removed_target_ids: number[] };
  };
}

/** A Listen stream as the gRPC server hands it over, recording what the watch writes. */
function stream(watch: IndexedWatch) {
  const handlers = new Map<string, (request: never) => void>();
  const sent: Sent[] = [];
  const call: ListenCall = {
    on: (event: string, handler: (request: never) => void) => handlers.set(event, handler),
    write: (message) => sent.push(message as unknown as Sent),
    end: () => undefined,
  };
  watch.listen(call);
  const request = (r: unknown) => handlers.get('data')!(ListenRequest.fromObject(r) as never);
  return {
    sent,
    add: (target: Record<string, unknown>) => request({ add_target: target }),
    remove: (targetId: number) => request({ remove_target: targetId }),
    close: () => handlers.get('cancelled')!(undefined as never),
  };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));
const kinds = (sent: Sent[]) => sent.map((m) => m.response_type);
const objects = (sent: Sent[]) => sent.map((m) => m.toObject());
const documentTarget = (id: number, path: string) => ({ target_id: id, documents: { documents: [path] } });
const queryTarget = (id: number, parent: string, collection: string) => ({
  target_id: id,
  query: { parent, structured_query: { from: [{ collection_id: collection }] } },
});

function setup() {
  const state = new FirestoreState();
  let evaluations = 0;
  const v1Query = state.v1Query.bind(state);
  state.v1Query = (parent, query) => {
    evaluations += 1;
    return v1Query(parent, query);
  };
  return { state, watch: new IndexedWatch(state), evaluations: () => evaluations };
}

describe('IndexedWatch', () => {
  it('a write wakes only the targets on its document or its collection, and evaluates each once', async () => {
    const { state, watch, evaluations } = setup();
    const docs = Array.from({ length: 200 }, (_, i) => {
      const s = stream(watch);
      s.add(documentTarget(1, `${root}/offers/o${i}`));
      return s;
    });
    const queries = Array.from({ length: 50 }, (_, i) => {
      const s = stream(watch);
      s.add(queryTarget(1, `${root}/rooms/r${i}`, 'messages'));
      return s;
    });
    const before = [...docs, ...queries].map((s) => s.sent.length);
    const opened = evaluations();

    state.getDocument(`${root}/offers/o7`).set(new Date(), {});
    state.getDocument(`${root}/rooms/r3/messages/m1`).set(new Date(), {});
    state.getDocument(`${root}/rooms/r3/messages/m2`).set(new Date(), {});
    state.getDocument(`${root}/elsewhere/x`).set(new Date(), {});
    await turn();

    const grew = [...docs, ...queries].map((s, i) => s.sent.length - before[i]!);
    expect(grew.filter((n) => n > 0)).toHaveLength(2);
    expect(kinds(docs[7]!.sent.slice(before[7]))).toEqual(['document_change', 'target_change']);
    expect(kinds(queries[3]!.sent.slice(before[200 + 3]))).toEqual([
      'document_change',
      'document_change',
      'target_change',
    ]);
    expect(evaluations() - opened).toBe(1);
  });

  it('two writes to a document in the same millisecond reach the listener with increasing update times', async () => {
    const { state, watch } = setup();
    const s = stream(watch);
    const path = `${root}/sessions/s1`;
    s.add(documentTarget(1, path));
    const at = new Date();
    state.getDocument(path).set(at, {});
    await turn();
    state.getDocument(path).set(at, {});
    await turn();
    const times = objects(s.sent).flatMap((m) => (m.document_change ? [m.document_change.document.update_time] : []));
    expect(times).toHaveLength(2);
    expect(times[1]!.seconds).toBe(times[0]!.seconds);
    expect(times[1]!.nanos).toBeGreaterThan(times[0]!.nanos);
  });

  it('several targets on one stream: each change names its own target, and a removed target gets nothing more', async () => {
    const { state, watch } = setup();
    const s = stream(watch);
    const parent = `${root}/rooms/r1`;
    s.add(documentTarget(2, `${parent}/state/current`));
    s.add(queryTarget(4, parent, 'messages'));
    const opened = s.sent.length;

    state.getDocument(`${parent}/messages/m1`).set(new Date(), {});
    await turn();
    const change = objects(s.sent.slice(opened));
    expect(change.map((m) => m.document_change?.document.name ?? m.target_change?.target_change_type)).toEqual([
      `${parent}/messages/m1`,
      0, // NO_CHANGE: the snapshot is consistent
    ]);
    expect(s.sent[opened]!.toObject().document_change).toMatchObject({ target_ids: [4] });

    s.remove(4);
    expect(objects(s.sent.slice(-1))).toEqual([
      { target_change: expect.objectContaining({ target_change_type: 2, target_ids: [4] }) },
    ]);
    const removed = s.sent.length;
    state.getDocument(`${parent}/messages/m2`).set(new Date(), {});
    state.getDocument(`${parent}/state/current`).set(new Date(), {});
    await turn();
    expect(objects(s.sent.slice(removed)).map((m) => m.document_change ?? m.target_change?.target_change_type)).toEqual(
      [expect.objectContaining({ target_ids: [2] }), 0],
    );

    // The same id added again starts over: ADD, RESET, the whole result, CURRENT.
    const readded = s.sent.length;
    s.add(queryTarget(4, parent, 'messages'));
    expect(kinds(s.sent.slice(readded))).toEqual([
      'target_change',
      'target_change',
      'document_change',
      'document_change',
      'target_change',
      'target_change',
    ]);
    expect(
      objects(s.sent.slice(readded)).map(
        (m) => m.target_change?.target_change_type ?? m.document_change?.document.name,
      ),
    ).toEqual([1, 4, `${parent}/messages/m1`, `${parent}/messages/m2`, 3, 0]);
  });

  it('a deleted document is removed from every target that held it, each removal naming its target', async () => {
    const { state, watch } = setup();
    const s = stream(watch);
    const parent = `${root}/rooms/r1`;
    s.add(queryTarget(1, parent, 'messages'));
    s.add(documentTarget(3, `${parent}/messages/m1`));
    state.getDocument(`${parent}/messages/m1`).set(new Date(), {});
    await turn();
    const before = s.sent.length;
    state.getDocument(`${parent}/messages/m1`).delete();
    await turn();
    const after = objects(s.sent.slice(before));
    const removals = after.flatMap((m) => (m.document_remove ? [m.document_remove] : []));
    expect(removals.sort((a, b) => a.removed_target_ids[0]! - b.removed_target_ids[0]!)).toEqual([
      { document: `${parent}/messages/m1`, removed_target_ids: [1] },
      { document: `${parent}/messages/m1`, removed_target_ids: [3] },
    ]);
    expect(after.at(-1)!.target_change?.target_change_type).toBe(0);
  });

  it('a query or a path the state cannot answer removes that target with a cause; the stream goes on', async () => {
    const { state, watch } = setup();
    const s = stream(watch);
    const parent = `${root}/rooms/r1`;
    s.add({
      target_id: 5,
      query: { parent, structured_query: { from: [{ collection_id: 'a' }, { collection_id: 'b' }] } },
    });
    s.add(documentTarget(7, 'not/a/document/path'));
    const refusals = objects(s.sent).filter((m) => m.target_change?.target_change_type === 2);
    expect(refusals.map((m) => m.target_change)).toEqual([
      expect.objectContaining({
        target_ids: [5],
        cause: expect.objectContaining({ message: 'query.from.length must be 1' }),
      }),
      expect.objectContaining({
        target_ids: [7],
        cause: expect.objectContaining({ message: expect.stringMatching(/Invalid path/) }),
      }),
    ]);
    s.add(documentTarget(6, `${parent}/state/current`));
    state.getDocument(`${parent}/state/current`).set(new Date(), {});
    await turn();
    expect(objects(s.sent.slice(-2))[0]!.document_change).toMatchObject({ target_ids: [6] });
  });

  it('a closed stream is forgotten: later writes send it nothing', async () => {
    const { state, watch } = setup();
    const s = stream(watch);
    const path = `${root}/sessions/s2`;
    s.add(documentTarget(1, path));
    s.close();
    const count = s.sent.length;
    state.getDocument(path).set(new Date(), {});
    await turn();
    expect(s.sent).toHaveLength(count);
  });
});
