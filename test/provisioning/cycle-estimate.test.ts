import { describe, expect, it } from 'vitest';
import {
  describeInitialCycleEstimate,
  initialCycleMinutes,
  INITIAL_CYCLE_RULE,
} from '../../shared/provisioning/cycle-estimate';
import { estimateRangeText } from '../../shared/provisioning/duration-text';

describe('the initial-cycle estimate, said one way', () => {
  it('uses Microsoft’s 0.01 to 0.08 minutes an assigned object (WHEN)', () => {
    expect(initialCycleMinutes(100_000)).toEqual({ minMinutes: 1000, maxMinutes: 8000 });
    expect(initialCycleMinutes(7)).toEqual({ minMinutes: 0.07, maxMinutes: 0.56 });
  });

  it('names an assignment with no user in the import instead of counting it silently', () => {
    const text = describeInitialCycleEstimate({
      objectsInScope: 7,
      minMinutes: 0.07,
      maxMinutes: 0.56,
      formula: 'syncAssigned',
      unmatchedAssignments: 1,
    });
    expect(text).toContain('for 7 assigned users, groups and group members');
    expect(text).toContain('1 assignment has no user in the import');
    expect(text).toContain('under a minute');
    expect(text).not.toMatch(/in scope/);
  });

  it('gives no figure under Sync all, and the Monitor step uses the same words as the dry run', () => {
    expect(
      describeInitialCycleEstimate({
        objectsInScope: 9,
        minMinutes: 0.09,
        maxMinutes: 0.72,
        formula: 'none',
      }),
    ).toMatch(/^Microsoft publishes no estimate/);
    expect(INITIAL_CYCLE_RULE).toContain(`for 100,000 ${estimateRangeText(1000, 8000)}`);
    expect(INITIAL_CYCLE_RULE).not.toMatch(/\d{4} to \d{4} minutes/);
  });
});
