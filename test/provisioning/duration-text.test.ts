import { describe, expect, it } from 'vitest';
import { estimateRangeText } from '../../shared/provisioning/duration-text';

describe('durations in words', () => {
  it('says minutes, hours and days, never "1000 to 8000 minutes"', () => {
    expect(estimateRangeText(0.07, 0.56)).toBe('under a minute');
    expect(estimateRangeText(10, 80)).toBe('10 to 80 minutes');
    expect(estimateRangeText(0.5, 4)).toBe('under a minute to 4 minutes');
    expect(estimateRangeText(1000, 8000)).toBe('17 hours to 5.6 days');
    expect(estimateRangeText(3, 3)).toBe('about 3 minutes');
  });
});
