// The shared strings of a workbook, kept as UTF-8 bytes in one growing buffer with their
// end offsets, instead of millions of JS strings: a million-row roster has ~3 million of
// them (each ID number, phone, household number), which as strings cost ~250 MB of heap
// (and slices of the XML they were cut from kept whole chunks alive). Each lookup decodes
// a fresh string; the first few thousand (the village, sex, relation repeated on every
// row, which Excel numbers first) are kept decoded.
const HOT = 4096;

// Buffer's own slicers (what toString calls after checking its arguments); toString where
// a runtime lacks them.
type Slicers = { latin1Slice?: (from: number, to: number) => string; utf8Slice?: (from: number, to: number) => string };
const proto = Buffer.prototype as unknown as Slicers;
const latin1 = proto.latin1Slice
  ? (b: Buffer, from: number, to: number) => (b as unknown as Required<Slicers>).latin1Slice(from, to)
  : (b: Buffer, from: number, to: number) => b.toString('latin1', from, to);
const utf8 = proto.utf8Slice
  ? (b: Buffer, from: number, to: number) => (b as unknown as Required<Slicers>).utf8Slice(from, to)
  : (b: Buffer, from: number, to: number) => b.toString('utf8', from, to);

export class StringStore {
  private bytes = Buffer.allocUnsafe(1 << 20);
  private ends = new Uint32Array(1 << 16);
  /** 1 where a string is all ASCII: latin1 decoding then gives the same text, faster. */
  private ascii = new Uint8Array(1 << 16);
  private used = 0;
  private count = 0;
  private readonly hot: string[] = [];

  get length(): number {
    return this.count;
  }

  push(s: string): void {
    const need = this.used + s.length * 3;
    if (need > this.bytes.length) {
      const next = Buffer.allocUnsafe(Math.max(need, this.bytes.length * 2));
      this.bytes.copy(next, 0, 0, this.used);
      this.bytes = next;
    }
    const written = this.bytes.write(s, this.used, 'utf8');
    this.used += written;
    if (this.count === this.ends.length) {
      const next = new Uint32Array(this.ends.length * 2);
      next.set(this.ends);
      this.ends = next;
      const flags = new Uint8Array(this.ends.length);
      flags.set(this.ascii);
      this.ascii = flags;
    }
    this.ascii[this.count] = written === s.length ? 1 : 0;
    this.ends[this.count++] = this.used;
    if (this.count <= HOT) this.hot.push(s);
  }

  get(i: number): string | undefined {
    if (!(i >= 0 && i < this.count)) return undefined;
    if (i < HOT) return this.hot[i];
    const from = this.ends[i - 1]!;
    const to = this.ends[i]!;
    return this.ascii[i] ? latin1(this.bytes, from, to) : utf8(this.bytes, from, to);
  }

  toArray(): string[] {
    return Array.from({ length: this.count }, (_, i) => this.get(i)!);
  }
}
