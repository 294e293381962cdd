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
        const e = r.delimited();
        let seconds = 0;
        let nanos = 0;
        while (r.pos < e) {
          if (r.field((f) => (f === 1 || f === 2 ? VARINT : undefined)) === 1) seconds = r.int64();
          else nanos = r.int64();
        }
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
        const e = r.delimited();
        let latitude = 0;
        let longitude = 0;
        while (r.pos < e) {
          if (r.field((f) => (f === 1 || f === 2 ? FIXED64 : undefined)) === 1) latitude = r.double();
          else longitude = r.double();
        }
        out = new C.geo_point_value!({ latitude, longitude });
        break;
      }
      case 9: {
        const e = r.delimited();
        const values: StoredField[] = [];
        while (r.pos < e) {
          r.field((f) => (f === 1 ? DELIMITED : undefined));
          values.push(value(r, r.delimited(), C));
        }
        out = new C.array_value!(values);
        break;
      }
      case 6: {
        const e = r.delimited();
        const entries = new Map<string, StoredField>();
        while (r.pos < e) {
          r.field((f) => (f === 1 ? DELIMITED : undefined));
          entries.set(...mapEntry(r, r.delimited(), C));
        }
        out = new C.map_value!(sorted(entries));
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
    else v = value(r, r.delimited(), C);
  }
  if (!v) throw new Unsupported('a map entry with no value');
  return [key, v];
}

/** Entries in sorted key order, as the package stores them (a repeated key: the last one). */
function sorted(entries: Map<string, StoredField>): Record<string, StoredField> {
  const fields: Record<string, StoredField> = {};
  for (const key of [...entries.keys()].sort()) fields[key] = entries.get(key)!;
  return fields;
}

function write(r: Reader, end: number, C: FieldClasses): DecodedWrite {
  let deleted: string | undefined;
  let update: { name: string; fields: Record<string, StoredField> } | undefined;
  let mask: string[] | undefined;
  // update 1, delete 2, update_mask 3; current_document 4, transform 6 and update_transforms 7 are left to the package.
  while (r.pos < end) {
    switch (r.field((f) => (f >= 1 && f <= 3 ? DELIMITED : undefined))) {
      case 1: {
        const e = r.delimited();
        let name = '';
        const entries = new Map<string, StoredField>();
        while (r.pos < e) {
          // name 1, fields 2; a create_time or update_time in the document is left to the package.
          if (r.field((f) => (f === 1 || f === 2 ? DELIMITED : undefined)) === 1) name = r.string();
          else entries.set(...mapEntry(r, r.delimited(), C));
        }
        update = { name, fields: sorted(entries) };
        break;
      }
      case 2:
        deleted = r.string();
        break;
      case 3: {
        const e = r.delimited();
        mask = [];
        while (r.pos < e) {
          r.field((f) => (f === 1 ? DELIMITED : undefined));
          mask.push(r.string());
        }
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
      if (field === 2) writes.push(write(r, r.delimited(), C));
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
