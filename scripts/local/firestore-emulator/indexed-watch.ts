import {
  ADD,
  CURRENT,
  documentChange,
  documentRemove,
  INVALID_ARGUMENT,
  NO_CHANGE,
  now,
  REMOVE,
  RESET,
  targetChange,
  timestamp,
  type DocumentObject,
  type ListenRequest,
  type ListenTarget,
} from './listen-messages';
import type { FirestoreState, FirestoreStateDocument, Message } from './package';

type Doc = FirestoreStateDocument;

/** The gRPC bidi call, as much of it as the watch uses. */
export interface ListenCall {
  on(event: 'data', handler: (request: ListenRequest) => void): unknown;
  on(event: 'end' | 'cancelled' | 'close' | 'error', handler: () => void): unknown;
  write(response: Message): unknown;
  end(): void;
}

interface Target {
  readonly id: number;
  readonly stream: Stream;
  /** Document paths (a document target) or a collection path (a query target): where its changes come from. */
  readonly keys: string[];
  readonly index: Map<string, Set<Target>>;
  evaluate(): Doc[];
  /** What the listener holds: document → the version it was sent. */
  readonly sent: Map<Doc, number>;
}

interface Stream {
  readonly call: ListenCall;
  readonly targets: Map<number, Target>;
  readonly dirty: Set<Target>;
  closed: boolean;
}

interface Version {
  n: number;
  ms: number;
  sub: number;
  /** This version as a Document, once a target needed it. */
  document?: DocumentObject;
}

/**
 * Firestore's Listen for the Node emulator, indexed. The package's own Listen subscribes every target to
 * every write in the project and answers each with a RESET and the target's whole result, so a write
 * costs O(all listeners × their documents): with a few thousand listeners (a pairing burst, a few hundred
 * chats) changes reached listeners tens of seconds late, and 100 chat listeners ran it out of heap. It
 * also refuses remove_target and reads only a stream's first request, where the mobile SDKs multiplex
 * targets on one stream. Here a write wakes only the targets watching its document or its collection; a
 * target is re-evaluated at most once per event-loop turn (so one commit is one snapshot) and sends only
 * what changed since it last sent. Update times carry a per-document sequence below the millisecond,
 * because the client drops a change whose update time it already has.
 */
export class IndexedWatch {
  private readonly byDocument = new Map<string, Set<Target>>();
  private readonly byCollection = new Map<string, Set<Target>>();
  private readonly versions = new WeakMap<Doc, Version>();
  private readonly pending = new Set<Stream>();
  private scheduled = false;

  constructor(private readonly state: FirestoreState) {
    const changed = ({ document }: { document: Doc }) => this.changed(document);
    state.emitter.on('create-document', changed);
    state.emitter.on('update-document', changed);
    state.emitter.on('delete-document', changed);
  }

  /** The gRPC handler for `google.firestore.v1.Firestore/Listen`. */
  readonly listen = (call: ListenCall): void => {
    const stream: Stream = { call, targets: new Map(), dirty: new Set(), closed: false };
    call.on('data', (request) => this.request(stream, request));
    call.on('end', () => {
      this.close(stream);
      call.end();
    });
    for (const event of ['cancelled', 'close', 'error'] as const) call.on(event, () => this.close(stream));
  };

  private request(stream: Stream, request: ListenRequest) {
    if (stream.closed) return;
    if (request.has_remove_target) {
      const target = stream.targets.get(request.remove_target);
      if (target) this.remove(target);
      this.send(stream, targetChange(REMOVE, [request.remove_target]));
    }
    if (request.has_add_target) this.add(stream, request.add_target);
  }

  private add(stream: Stream, spec: ListenTarget) {
    const id = spec.target_id;
    let target: Target;
    if (spec.has_documents) {
      const paths = [...spec.documents.documents];
      // The state keeps one object per path for good: resolved once, not on every wake, and inside the
      // evaluation, so a path the state refuses removes the target with a cause like a bad query.
      let docs: Doc[] | undefined;
      target = this.target(stream, id, this.byDocument, paths, () =>
        (docs ??= paths.map((p) => this.state.getDocument(p))).filter((d) => d.metadata.hasExist),
      );
    } else if (spec.has_query) {
      const { parent, structured_query: query } = spec.query;
      const path = `${parent}/${query.from[0]?.collection_id ?? ''}`;
      target = this.target(stream, id, this.byCollection, [path], () => this.state.v1Query(parent, query));
    } else {
      this.send(stream, targetChange(REMOVE, [id]));
      return;
    }
    this.send(stream, targetChange(ADD, [id]));
    // A resumed target gets everything again: RESET makes the client forget what it held first.
    this.send(stream, targetChange(RESET, [id]));
    stream.dirty.add(target);
    this.flush(stream, target);
  }

  private target(
    stream: Stream,
    id: number,
    index: Map<string, Set<Target>>,
    keys: string[],
    evaluate: () => Doc[],
  ): Target {
    const previous = stream.targets.get(id);
    if (previous) this.remove(previous);
    const target: Target = { id, stream, keys, index, evaluate, sent: new Map() };
    stream.targets.set(id, target);
    for (const key of keys) {
      let set = index.get(key);
      if (!set) index.set(key, (set = new Set()));
      set.add(target);
    }
    return target;
  }

  private remove(target: Target) {
    target.stream.targets.delete(target.id);
    target.stream.dirty.delete(target);
    for (const key of target.keys) {
      const set = target.index.get(key);
      set?.delete(target);
      if (set?.size === 0) target.index.delete(key);
    }
  }

  private close(stream: Stream) {
    if (stream.closed) return;
    stream.closed = true;
    for (const target of [...stream.targets.values()]) this.remove(target);
    this.pending.delete(stream);
  }

  private changed(doc: Doc) {
    const ms = doc.metadata.updatedAt?.getTime() ?? 0;
    const v = this.versions.get(doc);
    if (!v) this.versions.set(doc, { n: 1, ms, sub: 0 });
    else {
      v.n += 1;
      v.sub = v.ms === ms ? v.sub + 1 : 0;
      v.ms = ms;
      v.document = undefined;
    }
    const collection = doc.parent.getPath();
    for (const t of this.byDocument.get(`${collection}/${doc.name}`) ?? []) this.markDirty(t);
    for (const t of this.byCollection.get(collection) ?? []) this.markDirty(t);
  }

  private markDirty(target: Target) {
    target.stream.dirty.add(target);
    this.pending.add(target.stream);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const streams = [...this.pending];
      this.pending.clear();
      for (const stream of streams) this.flush(stream);
    });
  }

  /** Sends every dirty target's changes, then one global NO_CHANGE: the client's "consistent snapshot". */
  private flush(stream: Stream, becameCurrent?: Target) {
    if (stream.closed) return;
    let wrote = false;
    for (const target of [...stream.dirty]) {
      stream.dirty.delete(target);
      wrote = this.sendChanges(target) || wrote;
    }
    if (becameCurrent && stream.targets.has(becameCurrent.id)) {
      this.send(stream, targetChange(CURRENT, [becameCurrent.id], now()));
      wrote = true;
    }
    if (wrote) this.send(stream, targetChange(NO_CHANGE, [], now()));
  }

  private sendChanges(target: Target): boolean {
    let docs: Doc[];
    try {
      docs = target.evaluate();
    } catch (err) {
      this.remove(target);
      const message = err instanceof Error ? err.message : String(err);
      this.send(target.stream, targetChange(REMOVE, [target.id], undefined, { code: INVALID_ARGUMENT, message }));
      return true;
    }
    let wrote = false;
    const matched = new Set<Doc>(docs);
    for (const doc of docs) {
      const version = this.versions.get(doc);
      const n = version?.n ?? 0;
      if (target.sent.get(doc) === n) continue;
      target.sent.set(doc, n);
      this.send(target.stream, documentChange(this.document(doc, version), target.id));
      wrote = true;
    }
    for (const doc of target.sent.keys()) {
      if (matched.has(doc)) continue;
      target.sent.delete(doc);
      this.send(target.stream, documentRemove(doc.getPath(), target.id));
      wrote = true;
    }
    return wrote;
  }

  /** A document version as the client gets it, built once however many targets it goes to. */
  private document(doc: Doc, version: Version | undefined): DocumentObject {
    if (version?.document) return version.document;
    const updated = doc.metadata.updatedAt?.getTime() ?? 0;
    const document = { ...doc.toV1DocumentObject(), update_time: timestamp(updated, version?.sub) };
    if (version) version.document = document;
    return document;
  }

  private send(stream: Stream, message: Message) {
    if (!stream.closed) stream.call.write(message);
  }
}
