/**
 * Many strings held as few: values are appended to a pending list and, every {@link SEGMENT} values, joined
 * into one flat segment string with their end offsets in a Uint32Array. A 500,000-user column then costs its
 * characters plus 4 bytes a value, instead of a heap string (16+ bytes of header) and an 8-byte pointer each;
 * and no value keeps alive the 1 MB chunk of file text it was cut from (V8's substrings point into their
 * parent). Reading a packed value slices it out again, so the first {@link HOT} values (a column's repeated
 * ones, see user-table.ts) are cached as strings once read.
 */

const SEGMENT_BITS = 9;
const SEGMENT = 1 << SEGMENT_BITS;
const HOT = 4_096;

export class PackedStrings {
  private readonly segments: string[] = [];
  private pending: string[] = [];
  private ends = new Uint32Array(SEGMENT * 4);
  private readonly hot: Array<string | undefined> = [];
  private count = 0;

  get length(): number {
    return this.count;
  }

  /** Appends a value; returns its index. */
  push(value: string): number {
    const index = this.count;
    this.pending.push(value);
    this.count += 1;
    if (this.pending.length === SEGMENT) this.seal();
    return index;
  }

  get(index: number): string {
    if (index < HOT) {
      const cached = this.hot[index];
      if (cached !== undefined) return cached;
    }
    const segment = index >>> SEGMENT_BITS;
    if (segment === this.segments.length) return this.pending[index & (SEGMENT - 1)] as string;
    const start = (index & (SEGMENT - 1)) === 0 ? 0 : (this.ends[index - 1] as number);
    const value = (this.segments[segment] as string).slice(start, this.ends[index]);
    if (index < HOT) this.hot[index] = value;
    return value;
  }

  /** Whether value `index` is `value`, without slicing it out (no string made: this runs per user). */
  equals(index: number, value: string): boolean {
    if (index < HOT) {
      const cached = this.hot[index];
      if (cached !== undefined) return cached === value;
    }
    const segment = index >>> SEGMENT_BITS;
    if (segment === this.segments.length) return this.pending[index & (SEGMENT - 1)] === value;
    const start = (index & (SEGMENT - 1)) === 0 ? 0 : (this.ends[index - 1] as number);
    return (
      (this.ends[index] as number) - start === value.length &&
      (this.segments[segment] as string).startsWith(value, start)
    );
  }

  /** Seals the values still pending, so none refers to the text it came from. Call when the column is done. */
  finish(): void {
    if (this.pending.length > 0) this.seal();
  }

  private seal(): void {
    const first = this.segments.length << SEGMENT_BITS;
    if (this.ends.length < first + SEGMENT) {
      const grown = new Uint32Array(Math.max(this.ends.length * 2, first + SEGMENT));
      grown.set(this.ends);
      this.ends = grown;
    }
    let offset = 0;
    for (let at = 0; at < this.pending.length; at += 1) {
      offset += (this.pending[at] as string).length;
      this.ends[first + at] = offset;
    }
    this.segments.push(this.pending.join(''));
    this.pending = [];
  }
}
