import { describe, expect, it } from 'vitest';
import { duration, etaRange } from '../../renderer/steps/dry-run/eta';

describe('dry-run time left', () => {
  it('gives a range from the recent and the average rate, doubled at the top for load, never one optimistic figure', () => {
    // The walkthrough's 100,000-user run: 42 s in, 60% done, the engine said "21 s left"; it took 80 s more.
    const range = etaRange({ processed: 60_000, total: 100_000, elapsedMs: 42_000, etaMs: 21_000 });
    expect(range).toBe('about 25 s to 1 min left');
  });

  it('says nothing before the first user or after the last', () => {
    expect(etaRange({ processed: 0, total: 10, elapsedMs: 1000, etaMs: 5000 })).toBeNull();
    expect(etaRange({ processed: 10, total: 10, elapsedMs: 1000, etaMs: 0 })).toBeNull();
    expect(etaRange({ processed: 5, total: 10, elapsedMs: 1000, etaMs: null })).toBeNull();
  });

  it('counts elapsed time in minutes and seconds past 90 s', () => {
    expect(duration(42_000)).toBe('42 s');
    expect(duration(124_000)).toBe('2 min 4 s');
    expect(duration(14 * 60_000)).toBe('14 min');
  });
});
