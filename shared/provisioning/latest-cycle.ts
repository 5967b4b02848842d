/**
 * The state a dry run left things in: the latest cycle's failures, errors and quarantine verdict, with
 * earlier cycles as history. The Dry run step, its status in the wizard and the support export all read
 * it, so a problem fixed in a later cycle is shown as fixed everywhere (a quarantine from cycle 2 is not
 * today's state when cycle 3 ran clean).
 */
import type { CycleSummary, DryRunError, DryRunSummary, QuarantineVerdict } from './summary';

export interface LatestCycleState {
  /** The latest cycle, or null when none ran. */
  latest: CycleSummary | null;
  /** Failed operations in the latest cycle. */
  failures: number;
  /** The quarantine that stands after the latest cycle, or null. */
  quarantine: QuarantineVerdict | null;
  /** The last earlier cycle that would have been quarantined, when the latest was not. */
  earlierQuarantine: { cycle: number; verdict: QuarantineVerdict } | null;
  /** The first errors of the latest cycle, and of earlier cycles (history). */
  currentErrors: DryRunError[];
  earlierErrors: DryRunError[];
}

export function cycleFailures(cycle: Pick<CycleSummary, 'counts'>): number {
  return Object.values(cycle.counts).reduce((sum, byStatus) => sum + byStatus.Failure, 0);
}

export function latestCycleState(summary: DryRunSummary): LatestCycleState {
  const latest = summary.cycles.at(-1) ?? null;
  // Files from before per-cycle verdicts were kept have only the run's (first) verdict: keep it as current
  // rather than guess it was lifted.
  const perCycle = summary.cycles.some((cycle) => cycle.quarantine !== undefined);
  const standing = perCycle ? (latest?.quarantine ?? null) : summary.quarantine;
  const quarantine = standing?.quarantined ? standing : null;
  let earlierQuarantine: LatestCycleState['earlierQuarantine'] = null;
  if (perCycle && !quarantine) {
    for (const cycle of summary.cycles.slice(0, -1)) {
      if (cycle.quarantine?.quarantined)
        earlierQuarantine = { cycle: cycle.cycle, verdict: cycle.quarantine };
    }
  }
  const latestNumber = latest?.cycle ?? null;
  return {
    latest,
    failures: latest ? cycleFailures(latest) : 0,
    quarantine,
    earlierQuarantine,
    currentErrors: summary.firstErrors.filter((error) => error.cycle === latestNumber),
    earlierErrors: summary.firstErrors.filter((error) => error.cycle !== latestNumber),
  };
}
