/**
 * Entra's quarantine rules (QUAR), accidental-deletion verdict (ADP), Microsoft's initial-cycle estimate
 * (WHEN), and our own, clearly labelled, early warning for runs far too small to reach Entra's thresholds.
 */
import { initialCycleMinutes } from '../../shared/provisioning/cycle-estimate';
import type { DryRunSummary, QuarantineVerdict } from '../../shared/provisioning/summary';
import type { QuarantineThresholds } from './types';

/** QUAR: "evaluation starts at 5,000 failures", then "> 40%" of events failed, or "> 40,000" failures. */
export const ENTRA_ESCROW_EVALUATION_START = 5_000;
export const ENTRA_ESCROW_PROPORTION = 0.4;
export const ENTRA_MAX_FAILURES = 40_000;

export const DEFAULT_QUARANTINE_THRESHOLDS: QuarantineThresholds = {
  evaluationStartFailures: ENTRA_ESCROW_EVALUATION_START,
  escrowProportion: ENTRA_ESCROW_PROPORTION,
  maxFailures: ENTRA_MAX_FAILURES,
};

/** Ours: the early warning needs at least this many failures, so one unlucky user does not raise it. */
export const EARLY_WARNING_MIN_FAILURES = 10;

/** The escrow verdict after `failures` of `events` provisioning events failed; null while all is well. */
export function escrowVerdict(
  failures: number,
  events: number,
  thresholds: QuarantineThresholds,
): QuarantineVerdict | null {
  if (failures > thresholds.maxFailures) {
    return {
      quarantined: true,
      reason: 'EncounteredEscrowProportionThreshold',
      explanation: `${failures} failures this cycle, more than ${thresholds.maxFailures}: Entra quarantines the job.`,
    };
  }
  if (failures < thresholds.evaluationStartFailures || events === 0) return null;
  const proportion = failures / events;
  if (proportion <= thresholds.escrowProportion) return null;
  return {
    quarantined: true,
    reason: 'EncounteredEscrowProportionThreshold',
    explanation:
      `${failures} of ${events} provisioning events failed (${Math.round(proportion * 100)}%, more than ` +
      `${Math.round(thresholds.escrowProportion * 100)}%) once evaluation started at ` +
      `${thresholds.evaluationStartFailures} failures: Entra quarantines the job and retries it at most once a day until the cause is fixed.`,
  };
}

/**
 * Our early warning, not Entra's rule: a failure rate over Entra's 40% in a cycle too small for Entra to judge.
 * It never stops the cycle and never counts as quarantine.
 */
export function earlyWarning(
  failures: number,
  events: number,
  thresholds: QuarantineThresholds,
): string | null {
  if (failures < EARLY_WARNING_MIN_FAILURES || failures >= thresholds.evaluationStartFailures) return null;
  const proportion = failures / events;
  if (proportion <= thresholds.escrowProportion) return null;
  return (
    `Our warning, not Entra's rule: ${failures} of ${events} events failed (${Math.round(proportion * 100)}%). ` +
    `Entra judges the failure rate only from ${thresholds.evaluationStartFailures.toLocaleString('en-US')} failures, ` +
    'so it would not quarantine this job, but at full size a rate like this would.'
  );
}

export function credentialsVerdict(status: number): QuarantineVerdict {
  return {
    quarantined: true,
    reason: 'EncounteredQuarantineException',
    explanation:
      status === 401
        ? 'Jostle answered 401: invalid credentials were provided. Entra quarantines the job at once; save a valid API key (an activated Automation user) in Admin Credentials.'
        : 'SCIM Compliance issue: an HTTP/404 Not Found response was returned rather than the expected HTTP/200 OK on the user lookup. Entra quarantines the job; check that the Tenant URL is exactly the Base URL from Jostle.',
  };
}

export function deletionVerdict(planned: number, threshold: number): QuarantineVerdict {
  return {
    quarantined: true,
    reason: 'AccidentalDeletionThresholdExceeded',
    explanation:
      `This cycle would disable or delete ${planned} users, more than your accidental-deletion threshold of ` +
      `${threshold}. Entra holds them back (StagedDelete) and stops the job until an admin allows the deletions or raises the threshold. (The reason code is ours: Microsoft names none.)`,
  };
}

export const NOT_QUARANTINED: QuarantineVerdict = {
  quarantined: false,
  reason: null,
  explanation: 'No quarantine condition was met.',
};

/**
 * WHEN, for "Sync only assigned users and groups": 0.01 to 0.08 minutes per "[Number of assigned users, groups,
 * and group members]". `assignedObjects` null (Sync all): Microsoft gives no formula; the minutes are then our
 * per-user analogy over the users in scope, and `formula: 'none'` says so.
 */
export function estimateInitialCycle(
  assignedObjects: number | null,
  usersInScope: number,
  unmatchedAssignments = 0,
): DryRunSummary['estimate'] & { formula: 'syncAssigned' | 'none' } {
  const objects = assignedObjects ?? usersInScope;
  return {
    objectsInScope: objects,
    ...initialCycleMinutes(objects),
    formula: assignedObjects === null ? 'none' : 'syncAssigned',
    ...(assignedObjects !== null && unmatchedAssignments > 0 ? { unmatchedAssignments } : {}),
  };
}
