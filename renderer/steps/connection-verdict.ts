import type { ProbeReportView, ProbeResultView } from '../../shared/api/contract';

export interface ConnectionVerdict {
  passed: boolean;
  /** One sentence: what Entra's Test Connection would say. */
  headline: string;
  /** The one thing to do, when something failed. */
  remedy: string | null;
  /** Other checks that failed or warned for the same cause: named, not explained again. */
  sameCause: ProbeResultView[];
  /** Checks with a different problem of their own. */
  otherProblems: ProbeResultView[];
}

const isProblem = (probe: ProbeResultView) => probe.status === 'fail' || probe.status === 'warn';

/**
 * Reads a probe report the way the CLI prints it: one verdict from Entra's Test Connection request, one remedy,
 * and the checks that failed for the same reason folded into a count instead of repeating the remedy.
 */
export function connectionVerdict(report: ProbeReportView): ConnectionVerdict {
  const connection = report.probes.find((probe) => probe.id === 'test-connection');
  const problems = report.probes.filter(isProblem);
  const lead = connection && isProblem(connection) ? connection : problems.find((p) => p.status === 'fail');
  const passed = connection?.status === 'pass';
  const remedy = lead?.remedy ?? null;
  const rest = problems.filter((probe) => probe !== lead);
  // A probe that only failed because an earlier one did ('dependency') has the same cause.
  const sameCause = rest.filter(
    (probe) => probe.finding === 'dependency' || (remedy !== null && probe.remedy === remedy),
  );
  return {
    passed,
    headline: lead ? lead.summary : (connection?.summary ?? 'No checks ran.'),
    remedy,
    sameCause,
    otherProblems: rest.filter((probe) => !sameCause.includes(probe)),
  };
}
