/**
 * The protobuf wire format, as far as the OTLP exporter's messages need it:
 * varints, fixed64, length-delimited bytes and nested messages, into one
 * growing buffer. Written by hand rather than bundling a protobuf library
 * for five messages (docs/reference/observability.md, "OTLP spans").
 */

const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;

const utf8 = new TextEncoder();

/** Fields appended in the order written; `finish` gives the message's bytes. */
export class ProtobufWriter {
  private buffer = new Uint8Array(4096);
  private view = new DataView(this.buffer.buffer);
  private length = 0;

  /** A non-negative integer up to 2^53 (uint32, uint64, int64 and enums alike). */
  uint(field: number, value: number): this {
    this.tag(field, VARINT);
    this.varint(value);
    return this;
  }

  bool(field: number, value: boolean): this {
    return this.uint(field, value ? 1 : 0);
  }

  fixed64(field: number, value: bigint): this {
    this.tag(field, FIXED64);
    this.reserve(8);
    this.view.setBigUint64(this.length, value, true);
    this.length += 8;
    return this;
  }

  bytes(field: number, value: Uint8Array): this {
    this.tag(field, LENGTH_DELIMITED);
    this.varint(value.length);
    this.reserve(value.length);
    this.buffer.set(value, this.length);
    this.length += value.length;
    return this;
  }

  string(field: number, value: string): this {
    return this.message(field, () => {
      this.reserve(value.length * 3);
      this.length += utf8.encodeInto(value, this.buffer.subarray(this.length)).written;
    });
  }

  /** A nested message that `write` writes into this writer: its length, known once written, is put before it. */
  message(field: number, write: (message: this) => void): this {
    this.tag(field, LENGTH_DELIMITED);
    const start = this.length;
    write(this);
    const size = this.length - start;
    const prefix = varintSize(size);
    this.reserve(prefix);
    this.buffer.copyWithin(start + prefix, start, this.length);
    this.length = start;
    this.varint(size);
    this.length += size;
    return this;
  }

  finish(): Uint8Array<ArrayBuffer> {
    return this.buffer.slice(0, this.length);
  }

  private tag(field: number, wireType: number): void {
    this.varint(field * 8 + wireType);
  }

  /** Arithmetic rather than bit operators, which would cut the value to 32 bits. */
  private varint(value: number): void {
    this.reserve(10);
    let rest = value;
    while (rest >= 0x80) {
      this.buffer[this.length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.buffer[this.length++] = rest;
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + bytes));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
    this.view = new DataView(grown.buffer);
  }
}

function varintSize(value: number): number {
  let size = 1;
  for (let rest = value; rest >= 0x80; rest = Math.floor(rest / 0x80)) size++;
  return size;
}
