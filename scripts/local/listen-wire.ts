/**
 * ListenResponse messages encoded straight to protobuf bytes, from the emulator's stored fields. The
 * emulator's generated classes (google-protobuf) spent ~0.25 ms building and serialising each document
 * change, the largest single cost of a pairing burst; this writes the same bytes (field numbers from
 * google/firestore/v1, checked against those classes in test/unit/listen-wire.test.ts) without building
 * any message object.
 */
export type Timestamp = { seconds: number; nanos: number };

/** The emulator's stored field: `type` is the Value oneof's name, `value` its content. */
export interface StoredField {
  type: string;
  value: unknown;
}

const VARINT = 0;
const FIXED64 = 1;
const DELIMITED = 2;

class Writer {
  private buf = Buffer.allocUnsafe(256);
  private pos = 0;

  private room(n: number) {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  varint(n: number) {
    this.room(10);
    if (n < 0) return this.varint64(BigInt.asUintN(64, BigInt(n)));
    while (n > 0x7f) {
      this.buf[this.pos++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.buf[this.pos++] = n;
  }

  private varint64(n: bigint) {
    while (n > 0x7fn) {
      this.buf[this.pos++] = Number(n & 0x7fn) | 0x80;
      n >>= 7n;
    }
    this.buf[this.pos++] = Number(n);
  }

  tag(field: number, wire: number) {
    this.varint(field * 8 + wire);
  }

  string(field: number, s: string) {
    const len = Buffer.byteLength(s);
    this.tag(field, DELIMITED);
    this.varint(len);
    this.room(len);
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }

  bytes(field: number, b: Uint8Array) {
    this.tag(field, DELIMITED);
    this.varint(b.length);
    this.room(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  double(field: number, d: number) {
    this.tag(field, FIXED64);
    this.room(8);
    this.pos = this.buf.writeDoubleLE(d, this.pos);
  }

  uint(field: number, n: number) {
    this.tag(field, VARINT);
    this.varint(n);
  }

  packed(field: number, ns: number[]) {
    if (ns.length === 0) return;
    const inner = new Writer();
    for (const n of ns) inner.varint(n);
    this.message(field, inner);
  }

  message(field: number, inner: Writer) {
    this.tag(field, DELIMITED);
    this.varint(inner.pos);
    this.room(inner.pos);
    inner.buf.copy(this.buf, this.pos, 0, inner.pos);
    this.pos += inner.pos;
  }

  done(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}

function timestamp(t: Timestamp): Writer {
  const w = new Writer();
  if (t.seconds !== 0) w.uint(1, t.seconds);
  if (t.nanos !== 0) w.uint(2, t.nanos);
  return w;
}

function value(field: StoredField): Writer {
  const w = new Writer();
  const v = field.value;
  switch (field.type) {
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
      w.message(10, timestamp(v as Timestamp));
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
      const g = new Writer();
      if (latitude !== 0) g.double(1, latitude);
      if (longitude !== 0) g.double(2, longitude);
      w.message(8, g);
      break;
    }
    case 'array_value': {
      const a = new Writer();
      for (const item of v as StoredField[]) a.message(1, value(item));
      w.message(9, a);
      break;
    }
    case 'map_value':
      w.message(6, fieldMap(1, v as Record<string, StoredField>));
      break;
    default:
      throw new Error(`unknown stored field type ${field.type}`);
  }
  return w;
}

/** A map<string, Value> as repeated entries (key 1, value 2) under `field`. */
function fieldMap(field: number, fields: Record<string, StoredField>, into = new Writer()): Writer {
  for (const [key, f] of Object.entries(fields)) {
    const entry = new Writer();
    entry.string(1, key);
    entry.message(2, value(f));
    into.message(field, entry);
  }
  return into;
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
  fieldMap(2, doc.fields, d);
  if (doc.createTime) d.message(3, timestamp(doc.createTime));
  if (doc.updateTime) d.message(4, timestamp(doc.updateTime));
  return d.done();
}

/** ListenResponse{document_change{document, target_ids}}, around an encoded Document. */
export function documentChange(document: Buffer, targetIds: number[]): Buffer {
  const change = new Writer();
  change.bytes(1, document);
  change.packed(5, targetIds);
  const res = new Writer();
  res.message(3, change);
  return res.done();
}

/** ListenResponse{target_change{type, target_ids, cause?, read_time?}}. */
export function targetChange(
  type: number,
  targetIds: number[],
  readTime?: Timestamp,
  cause?: { code: number; message: string },
): Buffer {
  const t = new Writer();
  if (type !== 0) t.uint(1, type);
  t.packed(2, targetIds);
  if (cause) {
    const status = new Writer();
    if (cause.code !== 0) status.uint(1, cause.code);
    if (cause.message) status.string(2, cause.message);
    t.message(3, status);
  }
  if (readTime) t.message(6, timestamp(readTime));
  const res = new Writer();
  res.message(2, t);
  return res.done();
}

/** ListenResponse{document_remove{document, removed_target_ids}}. */
export function documentRemove(path: string, removedTargetIds: number[]): Buffer {
  const r = new Writer();
  if (path) r.string(1, path);
  r.packed(2, removedTargetIds);
  const res = new Writer();
  res.message(6, r);
  return res.done();
}
