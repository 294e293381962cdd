import { describe, expect, it } from 'vitest';
import { IndexedWatch, type ListenCall } from '../../scripts/local/firestore-watch';
import { emulator, emulatorProto } from '../helpers/emulator';
import { decodeListenResponse, type DecodedListenResponse } from '../helpers/firestore-descriptors';

const { FirestoreState } = emulator;
const { ListenRequest } = emulatorProto('firestore/v1/firestore') as {
  ListenRequest: { fromObject(data: unknown): unknown };
};

const root = 'projects/p/databases/(default)/documents';
type Sent = DecodedListenResponse;

/** A Listen stream as the gRPC server hands it over, recording what the watch writes. */
function stream(watch: IndexedWatch) {
  const handlers = new Map<string, (request: never) => void>();
  const sent: Sent[] = [];
  const call: ListenCall = {
    on: (event: string, handler: (request: never) => void) => handlers.set(event, handler),
    write: (bytes) => sent.push(decodeListenResponse(bytes)),
    end: () => undefined,
  };
  watch.listen(call);
  return {
    sent,
    add: (target: Record<string, unknown>) =>
      handlers.get('data')!(ListenRequest.fromObject({ add_target: target }) as never),
    close: () => handlers.get('cancelled')!(undefined as never),
  };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));
const kinds = (sent: Sent[]) => sent.map((m) => Object.keys(m)[0]);

function setup() {
  const state = new FirestoreState();
  // A query target's evaluation reads its collection's documents once, through v1Query or directly.
  let evaluations = 0;
  const counted = new WeakSet<object>();
  const getCollection = state.getCollection.bind(state);
  state.getCollection = (path) => {
    const collection = getCollection(path);
    if (!counted.has(collection)) {
      counted.add(collection);
      const all = collection.getAllDocuments.bind(collection);
      collection.getAllDocuments = () => {
        evaluations += 1;
        return all();
      };
    }
    return collection;
  };
  return { state, watch: new IndexedWatch(state), evaluations: () => evaluations };
}

describe('IndexedWatch', () => {
  it('a write wakes only the targets on its document or its collection, and evaluates each once', async () => {
    const { state, watch, evaluations } = setup();
    const docs = Array.from({ length: 200 }, (_, i) => {
      const s = stream(watch);
      s.add({ target_id: 1, documents: { documents: [`${root}/offers/o${i}`] } });
      return s;
    });
    const queries = Array.from({ length: 50 }, (_, i) => {
      const s = stream(watch);
      s.add({
        target_id: 1,
        query: { parent: `${root}/rooms/r${i}`, structured_query: { from: [{ collection_id: 'messages' }] } },
      });
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
    expect(kinds(docs[7]!.sent.slice(before[7]))).toEqual(['documentChange', 'targetChange']);
    expect(kinds(queries[3]!.sent.slice(before[200 + 3]))).toEqual([
      'documentChange',
      'documentChange',
      'targetChange',
    ]);
    expect(evaluations() - opened).toBe(1);
  });

  it('two writes to a document in the same millisecond reach the listener with increasing update times', async () => {
    const { state, watch } = setup();
    const s = stream(watch);
    const path = `${root}/sessions/s1`;
    s.add({ target_id: 1, documents: { documents: [path] } });
    const at = new Date();
    state.getDocument(path).set(at, {});
    await turn();
    state.getDocument(path).set(at, {});
    await turn();
    const times = s.sent.filter((m) => m.documentChange).map((m) => m.documentChange!.document!.updateTime!);
    expect(times).toHaveLength(2);
    expect(times[1]!.seconds).toBe(times[0]!.seconds);
    expect(times[1]!.nanos ?? 0).toBeGreaterThan(times[0]!.nanos ?? 0);
  });

  it('a closed stream is forgotten: later writes send it nothing', async () => {
    const { state, watch } = setup();
    const s = stream(watch);
    const path = `${root}/sessions/s2`;
    s.add({ target_id: 1, documents: { documents: [path] } });
    s.close();
    const count = s.sent.length;
    state.getDocument(path).set(new Date(), {});
    await turn();
    expect(s.sent).toHaveLength(count);
  });

  it('a whole-collection listener (the client orders it by __name__) gets what v1Query returns, without it', async () => {
    const { state, watch } = setup();
    let queried = 0;
    const v1Query = state.v1Query.bind(state);
    state.v1Query = (parent, q) => {
      queried += 1;
      return v1Query(parent, q);
    };
    const parent = `${root}/mitras/m1`;
    for (const id of ['o3', 'o1', 'o2', 'o4']) state.getDocument(`${parent}/offers/${id}`).set(new Date(), {});
    state.getDocument(`${parent}/offers/o1`).delete();
    const orderedBy = (direction: number) => ({
      from: [{ collection_id: 'offers' }],
      order_by: [{ field: { field_path: '__name__' }, direction }],
    });
    const names = (sent: Sent[]) => sent.flatMap((m) => (m.documentChange ? [m.documentChange.document!.name!] : []));
    for (const query of [orderedBy(1), orderedBy(2), { from: [{ collection_id: 'offers' }] }]) {
      const target = { target_id: 1, query: { parent, structured_query: query } };
      const s = stream(watch);
      s.add(target);
      const request = ListenRequest.fromObject({ add_target: target }) as {
        add_target: { query: { structured_query: Parameters<typeof v1Query>[1] } };
      };
      const expected = v1Query(parent, request.add_target.query.structured_query).map((d) => d.getPath());
      expect(expected).toEqual(['o3', 'o2', 'o4'].map((id) => `${parent}/offers/${id}`));
      expect(names(s.sent)).toEqual(expected);
    }
    expect(queried).toBe(0);
  });
});
