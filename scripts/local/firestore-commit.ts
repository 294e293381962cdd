import type { FirestoreState, FirestoreStateDocument } from '@firestore-emulator/server';
import { decodeCommitRequest, encodeCommitResponse, type DecodedWrite, type FieldClasses } from './commit-wire';
import { encodeDocument, type StoredField } from './listen-wire';
import { Writer } from './proto-writer';

/**
 * The emulator's Commit with the common writes (sets, merge sets, deletes: all the relay sends) applied
 * straight to its state: no google-protobuf objects, no immer drafts for the document's fields. The
 * result is what the package stores and announces for the same write (test/unit/firestore-commit.test.ts
 * compares the two); any other request goes to the package's own handler unchanged.
 */

interface UnaryCall {
  request: unknown;
}
type Callback = (error: { code?: number; message: string } | null, response: unknown) => void;

export interface CommitHandler {
  func: (call: UnaryCall, callback: Callback) => void;
  serialize: (response: unknown) => Buffer;
  deserialize: (bytes: Buffer) => unknown;
}

interface Metadata {
  createdAt: Date | null;
  hasExist: boolean;
  updatedAt: Date | null;
}
/** The document as the package's JavaScript holds it (its typings keep these fields private). */
interface Doc {
  fields: Record<string, StoredField>;
  metadata: Metadata;
  emitter: { emit(event: string, payload: unknown): void };
  delete(): void;
}
const asDoc = (d: FirestoreStateDocument) => d as unknown as Doc;

/**
 * The package's field classes are internal; its own decoder builds one of each from a sample document,
 * in a throwaway state, and their constructors are taken from there.
 */
export function emulatorFieldClasses(
  State: new () => FirestoreState,
  deserialize: CommitHandler['deserialize'],
): FieldClasses {
  const sample = {
    s: { type: 'string_value', value: 's' },
    n: { type: 'null_value', value: null },
    b: { type: 'boolean_value', value: true },
    i: { type: 'integer_value', value: 1 },
    d: { type: 'double_value', value: 0.5 },
    t: { type: 'timestamp_value', value: { seconds: 1, nanos: 1 } },
    y: { type: 'bytes_value', value: new Uint8Array([1]) },
    r: { type: 'reference_value', value: 'projects/p/databases/(default)/documents/c/d' },
    g: { type: 'geo_point_value', value: { latitude: 1, longitude: 1 } },
    a: { type: 'array_value', value: [] },
    m: { type: 'map_value', value: {} },
  };
  const name = 'projects/p/databases/(default)/documents/c/d';
  // CommitRequest{writes: [Write{update: document}]}
  const w = new Writer();
  const write = w.begin(2);
  w.bytes(1, encodeDocument({ name, fields: sample }));
  w.end(write);
  const request = deserialize(w.done()) as { writes: unknown[] };
  const state = new State();
  state.writeV1Document(new Date(), request.writes[0] as never);
  const stored = asDoc(state.getDocument(name)).fields;
  const classes: FieldClasses = {};
  for (const field of Object.values(stored)) classes[field.type] = field.constructor as FieldClasses[string];
  if (Object.keys(classes).length !== Object.keys(sample).length)
    throw new Error(`the emulator stored ${Object.keys(classes).join(', ')}: update scripts/local/firestore-commit.ts`);
  return classes;
}

const INTERNAL = 13;

const escapeKey = (key: string) => (key.includes('.') ? `\`${key}\`` : key);

/** The package's merge (FirestoreState/mask.ts) on plain objects: masked keys set, maps merged into. */
function merge(
  current: Record<string, StoredField>,
  fields: Record<string, StoredField>,
  mask: string[],
  MapField: FieldClasses[string],
): Record<string, StoredField> {
  const next = { ...current };
  for (const key in fields) {
    const field = fields[key]!;
    const escaped = escapeKey(key);
    if (mask.length === 0 || mask.includes(escaped)) next[key] = field;
    else if (field.type === 'map_value' && (next[key] == null || next[key].type === 'map_value')) {
      const nested = mask.filter((m) => m.startsWith(`${escaped}.`)).map((m) => m.substring(escaped.length + 1));
      next[key] = new MapField(
        merge((next[key]?.value ?? {}) as Record<string, StoredField>, field.value as never, nested, MapField),
      );
    }
  }
  return next;
}

function apply(doc: Doc, date: Date, write: DecodedWrite, C: FieldClasses): void {
  if ('delete' in write) {
    if (doc.metadata.hasExist) doc.delete();
    return;
  }
  const created = !doc.metadata.hasExist;
  doc.metadata = { createdAt: created ? date : doc.metadata.createdAt, hasExist: true, updatedAt: date };
  // A plain set replaces the document (see replaceOnPlainSet in firestore.ts); a merge set merges.
  doc.fields = write.mask ? merge(doc.fields, write.update.fields, write.mask, C.map_value!) : write.update.fields;
  doc.emitter.emit(created ? 'create-document' : 'update-document', { document: doc });
}

/** The Commit handler to register in place of `original`, over `state`. */
export function fastCommit(state: FirestoreState, original: CommitHandler, C: FieldClasses) {
  return (call: UnaryCall, callback: Callback): void => {
    const bytes = call.request as Buffer;
    const writes = decodeCommitRequest(bytes, C);
    let docs: Doc[] | undefined;
    try {
      // Every path resolved before anything is written: a bad one leaves the request to the package.
      docs = writes?.map((w) => asDoc(state.getDocument('delete' in w ? w.delete : w.update.name)));
    } catch {
      docs = undefined;
    }
    if (!writes || !docs) {
      try {
        call.request = original.deserialize(bytes);
      } catch (err) {
        // What grpc-js answers when a registered deserializer throws.
        return callback({ code: INTERNAL, message: `Error deserializing request: ${(err as Error).message}` }, null);
      }
      return original.func(call, callback);
    }
    const date = new Date();
    for (let i = 0; i < writes.length; i++) apply(docs[i]!, date, writes[i]!, C);
    callback(null, encodeCommitResponse(date, writes.length));
  };
}

interface PlainWrite {
  has_update: boolean;
  has_update_mask: boolean;
  has_current_document: boolean;
  update: { name: string };
}

/**
 * The package merges on every set; Firestore replaces the document on a set without a field mask or a
 * precondition (a merge set carries a mask, update() carries a mask and `exists`). Emptying the stored
 * fields first gives that, in the same write and the same change event.
 */
export function replaceOnPlainSet(state: FirestoreState) {
  const write = state.writeV1Document.bind(state);
  state.writeV1Document = (date, w) => {
    const plain = w as unknown as PlainWrite;
    if (plain.has_update && !plain.has_update_mask && !plain.has_current_document) {
      const doc = state.getDocument(plain.update.name);
      if (doc.metadata.hasExist) (doc as unknown as { fields: Record<string, unknown> }).fields = {};
    }
    return write(date, w);
  };
}
