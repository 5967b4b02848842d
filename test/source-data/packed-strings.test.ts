import { describe, expect, it } from 'vitest';
import { PackedStrings } from '../../shared/source-data';

describe('packed strings', () => {
  // Past the cached first 4,096 and across segments of 512, sealed and still pending.
  const values = Array.from({ length: 9_000 }, (_, at) => (at % 7 === 0 ? '' : `value-${at}-ü`));
  const packed = new PackedStrings();
  for (const value of values) packed.push(value);

  it('gives back every value, sealed or pending', () => {
    for (let at = 0; at < values.length; at += 1) expect(packed.get(at)).toBe(values[at]);
  });

  it('compares a value in place: equal, a prefix, longer, or another value', () => {
    for (const at of [0, 1, 511, 512, 4_095, 4_096, 4_097, 8_703, 8_704, 8_999]) {
      const value = values[at]!;
      expect(packed.equals(at, value)).toBe(true);
      expect(packed.equals(at, `${value}x`)).toBe(false);
      if (value !== '') expect(packed.equals(at, value.slice(0, -1))).toBe(false);
      expect(packed.equals(at, values[at + 1 === values.length ? 0 : at + 1]!)).toBe(
        values[at + 1] === value,
      );
    }
    packed.get(3); // now cached
    expect(packed.equals(3, values[3]!)).toBe(true);
    expect(packed.equals(3, values[4]!)).toBe(false);
  });
});
