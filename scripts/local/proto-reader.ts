import { isUtf8 } from 'node:buffer';

/**
 * Protobuf bytes read by hand for the emulator's Commit (see commit-wire.ts). Whatever google-protobuf
 * would refuse (a field past its message's end, invalid UTF-8, an integer it cannot hold) throws
 * Unsupported, so the request goes to the package and gets the package's answer.
 */

/** Bytes this reader does not take: the caller leaves the message to a full decoder. */
export class Unsupported extends Error {}

export const VARINT = 0;
export const FIXED64 = 1;
export const DELIMITED = 2;

export class Reader {
  pos = 0;
  /** Where the message being read ends: nothing inside it may run past. */
  private limit: number;

  constructor(private readonly buf: Buffer) {
    this.limit = buf.length;
  }

  private byte(): number {
    if (this.pos >= this.limit) throw new Unsupported('truncated');
    return this.buf[this.pos++]!;
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

  /** A signed 64-bit varint; negatives go through BigInt. Past 2^53 the package refuses it: so do we. */
  int64(): number {
    const start = this.pos;
    const n = this.varint();
    if (this.pos - start < 8) return n;
    let big = 0n;
    for (let i = this.pos - 1; i >= start; i--) big = (big << 7n) | BigInt(this.buf[i]! & 0x7f);
    const signed = Number(BigInt.asIntN(64, big));
    if (!Number.isSafeInteger(signed)) throw new Unsupported('an integer past 2^53');
    return signed;
  }

  double(): number {
    if (this.pos + 8 > this.limit) throw new Unsupported('truncated');
    const d = this.buf.readDoubleLE(this.pos);
    this.pos += 8;
    return d;
  }

  /** A length-delimited field: returns where it ends. */
  delimited(): number {
    const end = this.varint() + this.pos;
    if (end > this.limit) throw new Unsupported('truncated');
    return end;
  }

  private readonly outer: number[] = [];

  /** Enters a nested message: returns where it ends; leave() it there. */
  enter(): number {
    const end = this.delimited();
    this.outer.push(this.limit);
    this.limit = end;
    return end;
  }

  leave(end: number): void {
    if (this.pos !== end) throw new Unsupported('a field ran past its message');
    this.limit = this.outer.pop()!;
  }

  string(): string {
    const end = this.delimited();
    const s = this.buf.toString('utf8', this.pos, end);
    // Bytes that are not UTF-8 come out as U+FFFD; only then is it worth checking them.
    if (s.includes('\uFFFD') && !isUtf8(this.buf.subarray(this.pos, end))) throw new Unsupported('invalid UTF-8');
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
