/**
 * CommitRequest bytes read straight into the emulator's stored fields, and CommitResponse bytes written
 * directly. The package decodes each request into google-protobuf message objects and converts those
 * again (~0.15 ms a document, a third of the emulator's CPU in a pairing burst). Only what the relay and
 * the apps' writes use is read here: anything else (field transforms, preconditions, a Value kind newer
 * than this reader) makes decodeCommitRequest return undefined and the package handles the request as
 * before. Field numbers from google/firestore/v1; test/unit/firestore-commit.test.ts checks them against the package.
 */
import type { StoredField } from './listen-wire';
import { Writer } from './proto-writer';

/** The emulator's field classes by Value kind (`string_value`, …), as firestore-commit.ts finds them. */
export type FieldClasses = Record<string, new (value?: unknown) => StoredField>;

export type DecodedWrite =
  | { delete: string }
  | { update: { name: string; fields: Record<string, StoredField> }; /** Absent: a plain set. */ mask?: string[] };

import { DELIMITED, FIXED64, Reader, Unsupported, VARINT } from './proto-reader';

/** A nested message read by `read`, which must stop exactly at its end. */
function nested<T>(r: Reader, read: (r: Reader, end: number, C: FieldClasses) => T, C: FieldClasses): T {
  const end = r.enter();
  const out = read(r, end, C);
  r.leave(end);
  return out;
}

/** A nested Timestamp or LatLng: fields 1 and 2 of one wire type, an absent one 0 as proto3 has it. */
function pair(r: Reader, wire: number, read: () => number): [number, number] {
  const out: [number, number] = [0, 0];
  const end = r.enter();
  while (r.pos < end) out[r.field((f) => (f === 1 || f === 2 ? wire : undefined)) - 1] = read();
  r.leave(end);
  return out;
}

const VALUE_WIRE: Record<number, number> = {
  1: VARINT, // boolean_value
  2: VARINT, // integer_value
  3: FIXED64, // double_value
  5: DELIMITED, // reference_value
  6: DELIMITED, // map_value
  8: DELIMITED, // geo_point_value
  9: DELIMITED, // array_value
  10: DELIMITED, // timestamp_value
  11: VARINT, // null_value
  17: DELIMITED, // string_value
  18: DELIMITED, // bytes_value
};

function value(r: Reader, end: number, C: FieldClasses): StoredField {
  let out: StoredField | undefined;
  while (r.pos < end) {
    switch (r.field((f) => VALUE_WIRE[f])) {
      case 11:
        r.varint();
        out = new C.null_value!();
        break;
      case 1:
        out = new C.boolean_value!(r.varint() !== 0);
        break;
      case 2:
        out = new C.integer_value!(r.int64());
        break;
      case 3:
        out = new C.double_value!(r.double());
        break;
      case 10: {
        const [seconds, nanos] = pair(r, VARINT, () => r.int64());
        out = new C.timestamp_value!({ nanos, seconds });
        break;
      }
      case 17:
        out = new C.string_value!(r.string());
        break;
      case 18:
        out = new C.bytes_value!(r.bytes());
        break;
      case 5:
        out = new C.reference_value!(r.string());
        break;
      case 8: {
        const [latitude, longitude] = pair(r, FIXED64, () => r.double());
        out = new C.geo_point_value!({ latitude, longitude });
        break;
      }
      case 9: {
        const values: StoredField[] = [];
        const e = r.enter();
        while (r.pos < e) {
          r.field((f) => (f === 1 ? DELIMITED : undefined));
          values.push(nested(r, value, C));
        }
        r.leave(e);
        out = new C.array_value!(values);
        break;
      }
      case 6: {
        const entries = new Map<string, StoredField>();
        const e = r.enter();
        while (r.pos < e) {
          r.field((f) => (f === 1 ? DELIMITED : undefined));
          entries.set(...nested(r, mapEntry, C));
        }
        r.leave(e);
        out = new C.map_value!(record(entries));
        break;
      }
    }
  }
  if (!out) throw new Unsupported('a Value with no kind');
  return out;
}

/** One map<string, Value> entry's body, up to `end`. */
function mapEntry(r: Reader, end: number, C: FieldClasses): [string, StoredField] {
  let key = '';
  let v: StoredField | undefined;
  while (r.pos < end) {
    if (r.field((f) => (f === 1 || f === 2 ? DELIMITED : undefined)) === 1) key = r.string();
    else v = nested(r, value, C);
  }
  if (!v) throw new Unsupported('a map entry with no value');
  // As a key, it would set the stored record's prototype instead (the package refuses it).
  if (key === '__proto__') throw new Unsupported('a field named __proto__');
  return [key, v];
}

function write(r: Reader, end: number, C: FieldClasses): DecodedWrite {
  let deleted: string | undefined;
  let update: { name: string; fields: Record<string, StoredField> } | undefined;
  let mask: string[] | undefined;
  // update 1, delete 2, update_mask 3; current_document 4, transform 6 and update_transforms 7 are left to the package.
  while (r.pos < end) {
    switch (r.field((f) => (f >= 1 && f <= 3 ? DELIMITED : undefined))) {
      case 1: {
        let name = '';
        const entries = new Map<string, StoredField>();
        const e = r.enter();
        while (r.pos < e) {
          // name 1, fields 2; a create_time or update_time in the document is left to the package.
          if (r.field((f) => (f === 1 || f === 2 ? DELIMITED : undefined)) === 1) name = r.string();
          else entries.set(...nested(r, mapEntry, C));
        }
        r.leave(e);
        update = { name, fields: record(entries) };
        break;
      }
      case 2:
        deleted = r.string();
        break;
      case 3: {
        const paths: string[] = [];
        const e = r.enter();
        while (r.pos < e) {
          r.field((f) => (f === 1 ? DELIMITED : undefined));
          paths.push(r.string());
        }
        r.leave(e);
        mask = paths;
        break;
      }
    }
  }
  if (update && deleted === undefined) return mask ? { update, mask } : { update };
  if (deleted !== undefined && !update && !mask) return { delete: deleted };
  throw new Unsupported('a write that is neither one update nor one delete');
}

/** The writes of a CommitRequest, or undefined when the package must handle it. */
export function decodeCommitRequest(bytes: Buffer, C: FieldClasses): DecodedWrite[] | undefined {
  const r = new Reader(bytes);
  const writes: DecodedWrite[] = [];
  try {
    while (r.pos < bytes.length) {
      // database 1, writes 2, transaction 3 (the package ignores the transaction too: it has no isolation).
      const field = r.field((f) => (f >= 1 && f <= 3 ? DELIMITED : undefined));
      if (field === 2) writes.push(nested(r, write, C));
      else if (field === 1) r.string();
      else r.pos = r.delimited();
    }
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
  return writes;
}

/** CommitResponse{write_results: one per write, each updated at `at`; commit_time: `at`}, as the package answers. */
export function encodeCommitResponse(at: Date, writes: number): Buffer {
  const ms = at.getTime();
  const time = { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1e6 };
  const w = new Writer();
  for (let i = 0; i < writes; i++) {
    const result = w.begin(1);
    w.timestamp(1, time);
    w.end(result);
  }
  w.timestamp(2, time);
  return w.done();
}

/** Entries in the order they came (a repeated key keeps its first place and its last value), as the package keeps them. */
function record(entries: Map<string, StoredField>): Record<string, StoredField> {
  const fields: Record<string, StoredField> = {};
  for (const [key, value] of entries) fields[key] = value;
  return fields;
}
