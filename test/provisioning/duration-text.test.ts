import { describe, expect, it } from 'vitest';
import { durationText, estimateRangeText } from '../../shared/provisioning/duration-text';

describe('estimate in words (walkthrough #20)', () => {
  it('reads at a glance at every size', () => {
    expect(estimateRangeText(0.07, 0.56)).toBe('under a minute');
    expect(estimateRangeText(2, 16)).toBe('2 to 16 minutes');
    expect(estimateRangeText(0.5, 3)).toBe('1 to 3 minutes');
    expect(estimateRangeText(3, 3)).toBe('about 3 minutes');
    expect(estimateRangeText(1000, 8000)).toBe('about 17 hours to 5½ days');
    expect(durationText(60 * 24 * 2)).toBe('2 days');
  });
});
