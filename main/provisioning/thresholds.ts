/**
 * Entra's quarantine and accidental-deletion rules (reference §8.3) and Microsoft's initial-cycle estimate
 * (§9), with the scaling that makes them meaningful for a dry run of a few dozen users.
 */
import type { QuarantineVerdict } from '../../shared/provisioning/summary';
import type { QuarantineThresholds } from './types';

/** Entra's documented values. */
export const ENTRA_ESCROW_EVALUATION_START = 5_000;
export const ENTRA_ESCROW_PROPORTION = 0.4;
export const ENTRA_MAX_FAILURES = 40_000;
/** Microsoft's default accidental-deletion threshold. */
export const ENTRA_DEFAULT_DELETION_THRESHOLD = 500;

export const DEFAULT_QUARANTINE_THRESHOLDS: QuarantineThresholds = {
  evaluationStartFailures: 'scaled',
  escrowProportion: ENTRA_ESCROW_PROPORTION,
  maxFailures: ENTRA_MAX_FAILURES,
};

/** The scaled start never goes below this, so two unlucky users in a tiny run do not quarantine it. */
export const MIN_SCALED_EVALUATION_START = 10;
/**
 * Entra starts judging the failure proportion at 5,000 failures, i.e. once the sample is large enough to
 * mean something. A dry run of 200 users can never reach 5,000, so by default we start judging at 10% of the
 * users the cycle has to process (at least 10, at most Entra's 5,000): at 50,000 users and above it is exactly
 * Entra's rule. The proportion (40%) and the 40,000 cap are Entra's, unscaled.
 */
export function scaledEvaluationStart(usersToProcess: number): number {
  return Math.min(
    ENTRA_ESCROW_EVALUATION_START,
    Math.max(MIN_SCALED_EVALUATION_START, Math.ceil(usersToProcess * 0.1)),
  );
}

export function evaluationStart(thresholds: QuarantineThresholds, usersToProcess: number): number {
  return thresholds.evaluationStartFailures === 'scaled'
    ? scaledEvaluationStart(usersToProcess)
    : thresholds.evaluationStartFailures;
}

/** The escrow verdict after `failures` of `events` provisioning events failed; null while all is well. */
export function escrowVerdict(
  failures: number,
  events: number,
  start: number,
  thresholds: QuarantineThresholds,
): QuarantineVerdict | null {
  if (failures > thresholds.maxFailures) {
    return {
      quarantined: true,
      reason: 'EncounteredEscrowProportionThreshold',
      explanation: `${failures} failures this cycle, more than ${thresholds.maxFailures}: Entra quarantines the job.`,
    };
  }
  if (failures < start || events === 0) return null;
  const proportion = failures / events;
  if (proportion <= thresholds.escrowProportion) return null;
  return {
    quarantined: true,
    reason: 'EncounteredEscrowProportionThreshold',
    explanation:
      `${failures} of ${events} provisioning events failed (${Math.round(proportion * 100)}%, more than ` +
      `${Math.round(thresholds.escrowProportion * 100)}%) once evaluation started at ${start} failures: ` +
      'Entra quarantines the job and retries it at most once a day until the cause is fixed.',
  };
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
      `This cycle would disable or delete ${planned} users, more than the accidental-deletion threshold of ` +
      `${threshold}. Entra stages them (StagedDelete) and puts the job in quarantine until an admin allows the deletions or raises the threshold.`,
  };
}

export const NOT_QUARANTINED: QuarantineVerdict = {
  quarantined: false,
  reason: null,
  explanation: 'No quarantine condition was met.',
};

/** Microsoft's formula for "Sync assigned": 0.01 to 0.08 minutes per object in scope (users; Jostle has no groups). */
export function estimateInitialCycle(objectsInScope: number): {
  objectsInScope: number;
  minMinutes: number;
  maxMinutes: number;
} {
  const round = (minutes: number) => Math.round(minutes * 100) / 100;
  return {
    objectsInScope,
    minMinutes: round(objectsInScope * 0.01),
    maxMinutes: round(objectsInScope * 0.08),
  };
}
