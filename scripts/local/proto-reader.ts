/** Protobuf bytes read by hand for the emulator's Commit (see commit-wire.ts); malformed input throws Unsupported. */
/** Bytes this reader does not take: the caller leaves the message to a full decoder. */
export class Unsupported extends Error {}

export const VARINT = 0;
export const FIXED64 = 1;
export const DELIMITED = 2;

export class Reader {
  pos = 0;
  constructor(private readonly buf: Buffer) {}

  private byte(): number {
    const b = this.buf[this.pos++];
    if (b === undefined) throw new Unsupported('truncated');
    return b;
  }

  varint(): number {
    let n = 0;
    let mul = 1;
    let b: number;
    do {
      b = this.byte();
      n += (b & 0x7f) * mul;
      mul *= 0x80;
    } while (b & 0x80);
    return n;
  }

  /** A signed 64-bit varint; negative and past-2^53 values go through BigInt (as lossy as the package). */
  int64(): number {
    const start = this.pos;
    const n = this.varint();
    if (this.pos - start < 8) return n;
    let big = 0n;
    for (let i = this.pos - 1; i >= start; i--) big = (big << 7n) | BigInt(this.buf[i]! & 0x7f);
    return Number(BigInt.asIntN(64, big));
  }

  double(): number {
    if (this.pos + 8 > this.buf.length) throw new Unsupported('truncated');
    const d = this.buf.readDoubleLE(this.pos);
    this.pos += 8;
    return d;
  }

  /** A length-delimited field: returns where it ends. */
  delimited(): number {
    const end = this.varint() + this.pos;
    if (end > this.buf.length) throw new Unsupported('truncated');
    return end;
  }

  string(): string {
    const end = this.delimited();
    const s = this.buf.toString('utf8', this.pos, end);
    this.pos = end;
    return s;
  }

  bytes(): Uint8Array {
    const end = this.delimited();
    const b = new Uint8Array(this.buf.subarray(this.pos, end));
    this.pos = end;
    return b;
  }

  /** The next field's number, checked to arrive with the wire type `expect` gives for it. */
  field(expect: (field: number) => number | undefined): number {
    const tag = this.varint();
    const field = Math.floor(tag / 8);
    if (expect(field) !== tag % 8) throw new Unsupported(`field ${field}, wire type ${tag % 8}`);
    return field;
  }
}
