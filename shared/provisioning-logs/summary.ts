import { lookupEntraError, type EntraErrorLookup } from '../entra-errors';
import {
  PROVISIONING_ACTIONS,
  PROVISIONING_STATUSES,
  type ProvisioningAction,
  type ProvisioningLogRow,
  type ProvisioningStatus,
} from './model';
import { assessQuarantine, type QuarantineAssessment } from './quarantine';

export interface FailureSample {
  at: string;
  status: ProvisioningStatus;
  action: ProvisioningAction;
  sourceId?: string;
  sourceName?: string;
  targetId?: string;
  reason?: string;
  cycleId?: string;
  changeId?: string;
}

export interface ErrorCodeSummary {
  /** The code as logged (canonical spelling when known); null for failures Entra logged without a code. */
  code: string | null;
  count: number;
  firstAt: string;
  lastAt: string;
  /** The first failures with this code, oldest first. */
  samples: FailureSample[];
  help: EntraErrorLookup;
}

export interface CycleSummary {
  cycleId: string;
  jobId?: string;
  from: string;
  to: string;
  events: number;
  failures: number;
}

export interface ProvisioningLogSummary {
  total: number;
  byAction: Record<ProvisioningAction, number>;
  byStatus: Record<ProvisioningStatus, number>;
  /** Failures and warnings grouped by error code, most frequent first. */
  errors: ErrorCodeSummary[];
  /** Why events were skipped (EntrySynchronizationSkipped and the like), by code; usually expected. */
  skippedByCode: Record<string, number>;
  timeRange?: { from: string; to: string };
  /** Cycles seen, oldest first. */
  cycles: CycleSummary[];
  jobIds: string[];
  /** Staged deletes and disables held back by the accidental-deletion threshold. */
  stagedDeletes: number;
  quarantine: QuarantineAssessment;
}

export interface SummariseOptions {
  /** How many failures to keep per error code. */
  samplesPerCode?: number;
}

const zeroCounts = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

function sampleOf(row: ProvisioningLogRow): FailureSample {
  const { at, status, action, sourceId, sourceName, targetId, reason, cycleId, changeId } = row;
  const optional = { sourceId, sourceName, targetId, reason, cycleId, changeId };
  return {
    at,
    status,
    action,
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
  };
}

/** Counts, failures by error code with their likely cause and fix, cycles, and quarantine signals. */
export function summariseProvisioningLogs(
  rows: readonly ProvisioningLogRow[],
  options: SummariseOptions = {},
): ProvisioningLogSummary {
  const samplesPerCode = options.samplesPerCode ?? 5;
  // Oldest first, so "first failures" are the first in time whatever order the download used (newest first).
  const sorted = [...rows].sort((a, b) => a.at.localeCompare(b.at));
  const byAction = zeroCounts(PROVISIONING_ACTIONS);
  const byStatus = zeroCounts(PROVISIONING_STATUSES);
  const errors = new Map<string, ErrorCodeSummary>();
  const skippedByCode: Record<string, number> = {};
  const cycles = new Map<string, CycleSummary>();
  const jobIds = new Set<string>();
  let stagedDeletes = 0;

  for (const row of sorted) {
    byAction[row.action] += 1;
    byStatus[row.status] += 1;
    if (row.staged) stagedDeletes += 1;
    if (row.jobId) jobIds.add(row.jobId);
    const failed = row.status === 'Failure' || row.status === 'Warning';

    if (row.cycleId) {
      const cycle = cycles.get(row.cycleId) ?? {
        cycleId: row.cycleId,
        from: row.at,
        to: row.at,
        events: 0,
        failures: 0,
      };
      if (row.jobId && !cycle.jobId) cycle.jobId = row.jobId;
      cycle.to = row.at;
      cycle.events += 1;
      if (row.status === 'Failure') cycle.failures += 1;
      cycles.set(row.cycleId, cycle);
    }

    if (row.status === 'Skipped') {
      const key = row.errorCode ?? 'No code';
      skippedByCode[key] = (skippedByCode[key] ?? 0) + 1;
    }
    if (!failed) continue;

    const help = lookupEntraError(row.errorCode);
    const key = row.errorCode === undefined ? '' : help.code.toLowerCase();
    const group = errors.get(key) ?? {
      code: row.errorCode === undefined ? null : help.code,
      count: 0,
      firstAt: row.at,
      lastAt: row.at,
      samples: [],
      help,
    };
    group.count += 1;
    group.lastAt = row.at;
    if (group.samples.length < samplesPerCode) group.samples.push(sampleOf(row));
    errors.set(key, group);
  }

  const errorList = [...errors.values()].sort(
    (a, b) => b.count - a.count || (a.code ?? '').localeCompare(b.code ?? ''),
  );
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  return {
    total: rows.length,
    byAction,
    byStatus,
    errors: errorList,
    skippedByCode,
    ...(first && last ? { timeRange: { from: first.at, to: last.at } } : {}),
    cycles: [...cycles.values()].sort((a, b) => a.from.localeCompare(b.from)),
    jobIds: [...jobIds],
    stagedDeletes,
    quarantine: assessQuarantine({ byStatus, errors: errorList, stagedDeletes }),
  };
}
