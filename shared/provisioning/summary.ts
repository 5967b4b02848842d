/**
 * A dry run's outcome in Entra's provisioning-log vocabulary. The dry-run engine produces it, the Dry run
 * step shows it, and the support export includes it, so it is one type for all three.
 */
export const provisioningActions = ['Create', 'Update', 'Disable', 'Delete', 'Skip'] as const;
export type ProvisioningAction = (typeof provisioningActions)[number];

export const provisioningStatuses = ['Success', 'Failure', 'Skipped'] as const;
export type ProvisioningStatus = (typeof provisioningStatuses)[number];

export interface CycleSummary {
  /** 1 for the initial cycle, then incremental cycles. */
  cycle: number;
  kind: 'initial' | 'incremental';
  startedAt: string;
  durationMs: number;
  /** Counts per action and status, e.g. counts.Create.Success. */
  counts: Record<ProvisioningAction, Record<ProvisioningStatus, number>>;
  /** HTTP requests sent to the target in this cycle, retries included. */
  requests: number;
  /** Users in scope when the cycle ran. */
  inScope: number;
  cancelled: boolean;
}

export interface DryRunError {
  cycle: number;
  /** The source user as Entra names it: userPrincipalName, or the object id when there is none. */
  user: string;
  action: ProvisioningAction;
  /** Entra's provisioning-log error code, e.g. EntryConflict, DuplicateTargetEntries, Timeout. */
  errorCode: string;
  message: string;
}

export interface QuarantineVerdict {
  quarantined: boolean;
  /** Entra's reason, e.g. EncounteredQuarantineException or EncounteredEscrowProportionThreshold. */
  reason: string | null;
  explanation: string;
}

export interface DryRunSummary {
  startedAt: string;
  finishedAt: string;
  target: 'mock' | 'live';
  /** Host of the live tenant, or null for the mock. */
  targetHost: string | null;
  patchDialect: 'default' | 'aadOptscim062020';
  cycles: CycleSummary[];
  /** The first errors, in order, at most 50. */
  firstErrors: DryRunError[];
  quarantine: QuarantineVerdict;
  /** Microsoft's published estimate for the real initial cycle: 0.01 to 0.08 minutes per object in scope. */
  estimate: { objectsInScope: number; minMinutes: number; maxMinutes: number };
}
