// The shared strings of a workbook, kept as UTF-8 bytes in one growing buffer with their
// end offsets, instead of millions of JS strings: a million-row roster has ~3 million of
// them (each ID number, phone, household number), which as strings cost ~250 MB of heap
// (and slices of the XML they were cut from kept whole chunks alive). Each lookup decodes
// a fresh string; the first few thousand (the village, sex, relation repeated on every
// row, which Excel numbers first) are kept decoded.
const HOT = 4096;

export class StringStore {
  private bytes = Buffer.allocUnsafe(1 << 20);
  private ends = new Uint32Array(1 << 16);
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
    this.used += this.bytes.write(s, this.used, 'utf8');
    if (this.count === this.ends.length) {
      const next = new Uint32Array(this.ends.length * 2);
      next.set(this.ends);
      this.ends = next;
    }
    this.ends[this.count++] = this.used;
    if (this.count <= HOT) this.hot.push(s);
  }

  get(i: number): string | undefined {
    if (!(i >= 0 && i < this.count)) return undefined;
    if (i < HOT) return this.hot[i];
    return this.bytes.toString('utf8', this.ends[i - 1], this.ends[i]);
  }

  toArray(): string[] {
    return Array.from({ length: this.count }, (_, i) => this.get(i)!);
  }
}
