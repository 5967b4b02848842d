/** The parts of the export about what the assistant found: the latest probe report and dry-run summary. */
import type { AppContext } from '../app/context';
import { RESULT_NAMES } from '../app/data-files';
import { probeReportSchema } from '../../shared/api/contracts/probes';
import type { ProbeReportView, ProbeResultView } from '../../shared/api/contract';
import { latestCycleState } from '../../shared/provisioning/latest-cycle';
import {
  provisioningActions,
  provisioningStatuses,
  type DryRunSummary,
} from '../../shared/provisioning/summary';
import { hostOf } from './collect-environment';
import { dryRunSummarySchema } from '../../shared/provisioning/summary-schema';
import { MAX_DRY_RUN_ERRORS, type DryRunSection, type ProbeLine, type ProbesSection } from './model';
import { redactLongRuns } from './redact';

type Evidence = ProbeResultView['evidence'][number];

const withoutBaseUrl = (text: string, baseUrl: string) =>
  baseUrl ? text.split(baseUrl).join('<Base URL>') : text;

/** "GET <Base URL>/Users?filter=… → HTTP 401": the Base URL path is left out like everywhere in the export. */
function evidenceLine(evidence: Evidence, baseUrl: string): string {
  const answer = evidence.error
    ? `${evidence.error.kind}${evidence.status ? ` (HTTP ${evidence.status})` : ''}: ${evidence.error.message}`
    : evidence.status !== undefined
      ? `HTTP ${evidence.status}`
      : 'no answer';
  return redactLongRuns(withoutBaseUrl(`${evidence.requestLine} → ${answer}`, baseUrl));
}

function probeLine(result: ProbeResultView, reportBaseUrl: string): ProbeLine {
  const baseUrl = reportBaseUrl.replace(/\/+$/, '');
  const first = result.evidence[0];
  return {
    id: result.id,
    title: result.title,
    status: result.status,
    summary: redactLongRuns(withoutBaseUrl(result.summary, baseUrl)),
    remedy: result.status === 'pass' || !result.remedy ? null : withoutBaseUrl(result.remedy, baseUrl),
    firstEvidence: first ? evidenceLine(first, baseUrl) : null,
  };
}

export function probesSection(report: ProbeReportView): ProbesSection {
  return {
    target: report.target,
    baseUrlHost: hostOf(report.baseUrl),
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
    durationMs: report.durationMs,
    write: report.write,
    cancelled: report.cancelled,
    ok: report.ok,
    counts: report.counts,
    trust: report.trust,
    leftovers: report.leftovers.map((leftover) => ({
      userName: leftover.userName,
      id: leftover.id ?? null,
      state: leftover.state,
      note: leftover.note,
    })),
    results: report.probes.map((result) => probeLine(result, report.baseUrl)),
  };
}

export async function collectProbes(context: AppContext): Promise<ProbesSection | null> {
  const report = await context.results.load(RESULT_NAMES.probeReport, (value) =>
    probeReportSchema.parse(value),
  );
  return report && probesSection(report);
}

/** The quarantine verdict after the latest cycle; one that an earlier cycle had is named as history. */
function standingQuarantine(summary: DryRunSummary): DryRunSection['quarantine'] {
  const state = latestCycleState(summary);
  if (state.quarantine) return state.quarantine;
  if (state.earlierQuarantine) {
    return {
      quarantined: false,
      reason: null,
      explanation:
        `not after the latest cycle (${state.latest?.cycle}); cycle ${state.earlierQuarantine.cycle} would have been ` +
        `quarantined (${state.earlierQuarantine.verdict.reason ?? 'no reason given'}), since fixed`,
    };
  }
  return summary.quarantine;
}

export async function collectDryRun(context: AppContext): Promise<DryRunSection | null> {
  const summary = await context.results.load(RESULT_NAMES.dryRunSummary, (value) =>
    dryRunSummarySchema.parse(value),
  );
  if (!summary) return null;
  const latest = latestCycleState(summary);
  return {
    startedAt: summary.startedAt,
    finishedAt: summary.finishedAt,
    target: summary.target,
    targetHost: summary.targetHost,
    patchDialect: summary.patchDialect,
    cycles: summary.cycles.map((cycle) => {
      const counts: Record<string, number> = {};
      for (const action of provisioningActions) {
        for (const status of provisioningStatuses) {
          const count = cycle.counts[action][status];
          if (count > 0) counts[`${action} ${status}`] = count;
        }
      }
      return {
        cycle: cycle.cycle,
        kind: cycle.kind,
        startedAt: cycle.startedAt,
        durationMs: cycle.durationMs,
        requests: cycle.requests,
        inScope: cycle.inScope,
        cancelled: cycle.cancelled,
        counts,
      };
    }),
    firstErrors: summary.firstErrors.slice(0, MAX_DRY_RUN_ERRORS).map((error) => ({
      ...error,
      message: redactLongRuns(error.message),
    })),
    errorCount: summary.firstErrors.length,
    quarantine: standingQuarantine(summary),
    latestCycle: latest.latest && { cycle: latest.latest.cycle, failures: latest.failures },
    estimate: summary.estimate,
  };
}
