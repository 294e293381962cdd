/**
 * Protobuf bytes written by hand for the emulator's hottest responses (see listen-wire.ts and
 * commit-wire.ts). A nested message is written in place: one byte is reserved for its length and the
 * body moved along only when the length needs more than one byte, so no inner buffer is built and copied.
 */
export type Timestamp = { seconds: number; nanos: number };

const VARINT = 0;
const FIXED64 = 1;
const DELIMITED = 2;

const varintSize = (n: number) => {
  let size = 1;
  while (n > 0x7f) {
    n = Math.floor(n / 0x80);
    size++;
  }
  return size;
};

export class Writer {
  private buf = Buffer.allocUnsafe(512);
  private pos = 0;

  private room(n: number) {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  private varint(n: number) {
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

  private tag(field: number, wire: number) {
    this.varint(field * 8 + wire);
  }

  string(field: number, s: string) {
    this.tag(field, DELIMITED);
    // Short strings (names, keys, most values) fit a one-byte length: written in place, measured after.
    if (s.length < 43) {
      this.room(1 + s.length * 3);
      const at = this.pos++;
      this.pos += this.buf.write(s, this.pos, 'utf8');
      this.buf[at] = this.pos - at - 1;
      return;
    }
    const len = Buffer.byteLength(s);
    this.varint(len);
    this.room(len);
    this.pos += this.buf.write(s, this.pos, len, 'utf8');
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
    const at = this.begin(field);
    for (const n of ns) this.varint(n);
    this.end(at);
  }

  /** Opens a nested message under `field`; returns where its length goes, for end(). */
  begin(field: number): number {
    this.tag(field, DELIMITED);
    this.room(1);
    return this.pos++;
  }

  end(at: number) {
    const len = this.pos - at - 1;
    const size = varintSize(len);
    if (size > 1) {
      this.room(size - 1);
      this.buf.copyWithin(at + size, at + 1, this.pos);
      this.pos += size - 1;
    }
    let n = len;
    for (let i = at; i < at + size - 1; i++) {
      this.buf[i] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.buf[at + size - 1] = n;
  }

  /** A google.protobuf.Timestamp under `field`, zero parts omitted as proto3 does. */
  timestamp(field: number, t: Timestamp) {
    const at = this.begin(field);
    if (t.seconds !== 0) this.uint(1, t.seconds);
    if (t.nanos !== 0) this.uint(2, t.nanos);
    this.end(at);
  }

  done(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}
