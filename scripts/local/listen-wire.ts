/**
 * ListenResponse messages encoded straight to protobuf bytes, from the emulator's stored fields. The
 * emulator's generated classes (google-protobuf) spent ~0.25 ms building and serialising each document
 * change, the largest single cost of a pairing burst; this writes the same bytes (field numbers from
 * google/firestore/v1, checked against those classes in test/unit/listen-wire.test.ts) without building
 * any message object.
 */
import { Writer, type Timestamp } from './proto-writer';

export type { Timestamp };

/** The emulator's stored field: `type` is the Value oneof's name, `value` its content. */
export interface StoredField {
  type: string;
  value: unknown;
}

/** A Value message under `field`. */
function value(w: Writer, field: number, f: StoredField) {
  const at = w.begin(field);
  const v = f.value;
  switch (f.type) {
    case 'null_value':
      w.uint(11, 0);
      break;
    case 'boolean_value':
      w.uint(1, v ? 1 : 0);
      break;
    case 'integer_value':
      w.uint(2, v as number);
      break;
    case 'double_value':
      w.double(3, v as number);
      break;
    case 'timestamp_value':
      w.timestamp(10, v as Timestamp);
      break;
    case 'string_value':
      w.string(17, v as string);
      break;
    case 'bytes_value':
      w.bytes(18, v as Uint8Array);
      break;
    case 'reference_value':
      w.string(5, v as string);
      break;
    case 'geo_point_value': {
      const { latitude, longitude } = v as { latitude: number; longitude: number };
      const g = w.begin(8);
      if (latitude !== 0) w.double(1, latitude);
      if (longitude !== 0) w.double(2, longitude);
      w.end(g);
      break;
    }
    case 'array_value': {
      const a = w.begin(9);
      for (const item of v as StoredField[]) value(w, 1, item);
      w.end(a);
      break;
    }
    case 'map_value': {
      const m = w.begin(6);
      fieldMap(w, 1, v as Record<string, StoredField>);
      w.end(m);
      break;
    }
    default:
      throw new Error(`unknown stored field type ${f.type}`);
  }
  w.end(at);
}

/** A map<string, Value> as repeated entries (key 1, value 2) under `field`. */
function fieldMap(w: Writer, field: number, fields: Record<string, StoredField>) {
  for (const key in fields) {
    const entry = w.begin(field);
    w.string(1, key);
    value(w, 2, fields[key]!);
    w.end(entry);
  }
}

export interface ChangedDocument {
  name: string;
  fields: Record<string, StoredField>;
  createTime?: Timestamp;
  updateTime?: Timestamp;
}

/** A Document message: the same bytes for every target that gets this version of it. */
export function encodeDocument(doc: ChangedDocument): Buffer {
  const d = new Writer();
  if (doc.name) d.string(1, doc.name);
  fieldMap(d, 2, doc.fields);
  if (doc.createTime) d.timestamp(3, doc.createTime);
  if (doc.updateTime) d.timestamp(4, doc.updateTime);
  return d.done();
}

/** ListenResponse{document_change{document, target_ids}}, around an encoded Document. */
export function documentChange(document: Buffer, targetIds: number[]): Buffer {
  const res = new Writer();
  const change = res.begin(3);
  res.bytes(1, document);
  res.packed(5, targetIds);
  res.end(change);
  return res.done();
}

/** ListenResponse{target_change{type, target_ids, cause?, read_time?}}. */
export function targetChange(
  type: number,
  targetIds: number[],
  readTime?: Timestamp,
  cause?: { code: number; message: string },
): Buffer {
  const res = new Writer();
  const t = res.begin(2);
  if (type !== 0) res.uint(1, type);
  res.packed(2, targetIds);
  if (cause) {
    const status = res.begin(3);
    if (cause.code !== 0) res.uint(1, cause.code);
    if (cause.message) res.string(2, cause.message);
    res.end(status);
  }
  if (readTime) res.timestamp(6, readTime);
  res.end(t);
  return res.done();
}

/** ListenResponse{document_remove{document, removed_target_ids}}. */
export function documentRemove(path: string, removedTargetIds: number[]): Buffer {
  const res = new Writer();
  const r = res.begin(6);
  if (path) res.string(1, path);
  res.packed(2, removedTargetIds);
  res.end(r);
  return res.done();
}
