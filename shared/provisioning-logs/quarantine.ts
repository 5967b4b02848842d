/**
 * Reads quarantine risk off a log download, using the thresholds on Microsoft's quarantine page: evaluation
 * starts at 5,000 failures; more than 40 % failed events, or more than 40,000 failures, quarantines the job;
 * 60,000 failures always does; bad credentials and SCIM compliance problems can quarantine at any count.
 * A download is a filtered sample, so these are signals to check on the Provisioning page, not a verdict.
 */
import type { EntraErrorCategory } from '../entra-errors';
import type { ProvisioningStatus } from './model';

/** What the assessment reads of each error-code group (summary.ts's ErrorCodeSummary has more). */
interface CountedErrorCode {
  code: string | null;
  count: number;
  help: { quarantineSignal: boolean; category: EntraErrorCategory };
}

export const ESCROW_EVALUATION_MINIMUM = 5_000;
export const ESCROW_PROPORTION_THRESHOLD = 0.4;
export const ESCROW_FAILURE_CAP = 40_000;

export type QuarantineSignalKind =
  | 'quarantine-reason'
  | 'credentials'
  | 'scim-compatibility'
  | 'failure-proportion'
  | 'throttling'
  | 'staged-deletes';

export interface QuarantineSignal {
  kind: QuarantineSignalKind;
  /** `high`: Entra quarantines on this alone. `watch`: heading that way if it continues. */
  severity: 'high' | 'watch';
  count: number;
  codes: string[];
  message: string;
}

export interface QuarantineAssessment {
  likely: boolean;
  signals: QuarantineSignal[];
  /** Failures over events Entra attempted (skipped events excluded), as Entra's escrow proportion counts them. */
  failureProportion: { failures: number; attempted: number; ratio: number };
}

const percent = (ratio: number) => `${Math.round(ratio * 100)} %`;

function byCategories(errors: readonly CountedErrorCode[], categories: readonly EntraErrorCategory[]) {
  const matching = errors.filter(
    (group) => group.help.quarantineSignal && categories.includes(group.help.category),
  );
  return {
    count: matching.reduce((sum, group) => sum + group.count, 0),
    codes: matching.map((group) => group.code ?? ''),
  };
}

export function assessQuarantine(input: {
  byStatus: Record<ProvisioningStatus, number>;
  errors: readonly CountedErrorCode[];
  stagedDeletes: number;
}): QuarantineAssessment {
  const { byStatus, errors, stagedDeletes } = input;
  const failures = byStatus.Failure;
  const attempted = byStatus.Success + byStatus.Failure + byStatus.Warning;
  const ratio = attempted === 0 ? 0 : failures / attempted;
  const signals: QuarantineSignal[] = [];
  // Errors that stop every request (bad key, wrong URL) dominate the attempts when they are the cause.
  const dominant = (count: number) => attempted > 0 && count / attempted >= ESCROW_PROPORTION_THRESHOLD;

  const reasons = byCategories(errors, ['quarantine']);
  if (reasons.count > 0) {
    signals.push({
      kind: 'quarantine-reason',
      severity: 'high',
      ...reasons,
      message: `Entra logged a quarantine reason (${reasons.codes.join(', ')}): the job is or was in quarantine.`,
    });
  }
  const credentials = byCategories(errors, ['credentials', 'permissions']);
  if (credentials.count > 0) {
    signals.push({
      kind: 'credentials',
      severity: dominant(credentials.count) ? 'high' : 'watch',
      ...credentials,
      message: `Jostle refused the API key or the operation ${credentials.count === 1 ? 'once' : `${credentials.count.toLocaleString('en-US')} times`} (${credentials.codes.join(', ')}). Entra quarantines a job with invalid credentials whatever the failure count.`,
    });
  }
  const compatibility = byCategories(errors, ['scim-compatibility']);
  if (compatibility.count > 0) {
    signals.push({
      kind: 'scim-compatibility',
      severity: dominant(compatibility.count) ? 'high' : 'watch',
      ...compatibility,
      message: `Entra could not use Jostle's answers ${compatibility.count === 1 ? 'once' : `${compatibility.count.toLocaleString('en-US')} times`} (${compatibility.codes.join(', ')}), usually a wrong Tenant URL; Microsoft treats this as a SCIM compliance issue that can quarantine the job.`,
    });
  }
  if (failures > 0 && (ratio > ESCROW_PROPORTION_THRESHOLD || failures > ESCROW_FAILURE_CAP)) {
    const evaluated = failures >= ESCROW_EVALUATION_MINIMUM;
    signals.push({
      kind: 'failure-proportion',
      severity: evaluated ? 'high' : 'watch',
      count: failures,
      codes: [],
      message: evaluated
        ? `${percent(ratio)} of attempted events failed (${failures} failures): past Entra's escrow threshold, so expect EncounteredEscrowProportionThreshold.`
        : `${percent(ratio)} of attempted events failed, above Entra's 40 % line; Entra only starts counting at ${ESCROW_EVALUATION_MINIMUM.toLocaleString('en-US')} failures (this file has ${failures}).`,
    });
  }
  const throttling = errors.filter((group) => group.help.category === 'throttling');
  const throttled = throttling.reduce((sum, group) => sum + group.count, 0);
  if (throttled > 0) {
    signals.push({
      kind: 'throttling',
      severity: 'watch',
      count: throttled,
      codes: throttling.map((group) => group.code ?? ''),
      message: `Jostle rate-limited ${throttled === 1 ? '1 event' : `${throttled.toLocaleString('en-US')} events`}. Entra retries them, but failures that keep coming back build up toward quarantine.`,
    });
  }
  if (stagedDeletes > 0) {
    signals.push({
      kind: 'staged-deletes',
      severity: 'high',
      count: stagedDeletes,
      codes: ['StagedDelete'],
      message: `${stagedDeletes === 1 ? '1 delete or disable was' : `${stagedDeletes.toLocaleString('en-US')} deletes or disables were`} held back by the accidental-deletion threshold; Entra quarantines the job until someone allows or rejects them.`,
    });
  }
  return {
    likely: signals.some((signal) => signal.severity === 'high'),
    signals,
    failureProportion: { failures, attempted, ratio },
  };
}
