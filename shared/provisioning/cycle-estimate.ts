/**
 * How long Entra's real initial cycle should take, said one way in the Dry run step, the Monitor step and the
 * export. Microsoft documents (WHEN, docs/entra-fidelity.md G19) 0.01 to 0.08 minutes for each assigned user,
 * group and group member under "Sync only assigned users and groups", and an incremental cycle about every
 * 40 minutes. For "Sync all users and groups" it gives no figure: the text then says so and shows none.
 */
import { estimateRangeText } from './duration-text';
import type { DryRunSummary } from './summary';

export const MINUTES_PER_ASSIGNED_OBJECT = { min: 0.01, max: 0.08 } as const;

type Estimate = DryRunSummary['estimate'];

/** Microsoft's range for a number of assigned users, groups and group members (WHEN). */
export function initialCycleMinutes(assignedObjects: number): { minMinutes: number; maxMinutes: number } {
  const round = (minutes: number) => Math.round(minutes * 100) / 100;
  return {
    minMinutes: round(assignedObjects * MINUTES_PER_ASSIGNED_OBJECT.min),
    maxMinutes: round(assignedObjects * MINUTES_PER_ASSIGNED_OBJECT.max),
  };
}

const LATER_CYCLES = 'later cycles run about every 40 minutes';

/** The sentence the Dry run step and the export show for the latest run's estimate. */
export function describeInitialCycleEstimate(estimate: Estimate): string {
  if (estimate.formula === 'none')
    return `Microsoft publishes no estimate of the initial cycle for Sync all users and groups; ${LATER_CYCLES}.`;
  const objects = estimate.objectsInScope;
  const unmatched = estimate.unmatchedAssignments ?? 0;
  const counted =
    `${objects.toLocaleString('en-US')} assigned user${objects === 1 ? '' : 's'}, groups and group members` +
    (unmatched > 0
      ? ` (Microsoft counts every assignment; ${unmatched.toLocaleString('en-US')} ${unmatched === 1 ? 'assignment has' : 'assignments have'} no user in the import)`
      : '');
  return `Microsoft’s estimate for the real initial cycle, for ${counted}: ${estimateRangeText(estimate.minMinutes, estimate.maxMinutes)}; ${LATER_CYCLES}.`;
}

/** The rule itself, for the Monitor step, which has no count of its own. */
export const INITIAL_CYCLE_RULE =
  'Microsoft estimates 0.01 to 0.08 minutes for each assigned user, group and group member: for 1,000 that is ' +
  `${estimateRangeText(10, 80)}, for 100,000 ${estimateRangeText(1000, 8000)}. For Sync all users and groups Microsoft gives no estimate.`;
