/**
 * A dry run's outcome in Entra's provisioning-log vocabulary. The dry-run engine produces it, the Dry run
 * step shows it, and the support export includes it, so it is one type for all three.
 */

/**
 * Entra's provisioning actions (concept-provisioning-logs: "Create, Update, Delete, Disable, StagedDelete, and
 * Other"). There is no "Skip" action: a user left alone is logged with status Skipped under one of these.
 */
export const provisioningActions = [
  'Create',
  'Update',
  'Delete',
  'Disable',
  'StagedDelete',
  'Other',
] as const;
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
  /**
   * Our own early warning for small runs (never Entra's verdict, never stops the cycle): many of this cycle's
   * events failed although Entra would not even start judging the failure rate yet. null when it does not apply.
   */
  earlyWarning?: string | null;
  /**
   * This cycle's own quarantine verdict (null: none). Absent in files from before it was kept; the run's
   * {@link DryRunSummary.quarantine} is then all there is.
   */
  quarantine?: QuarantineVerdict | null;
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

/** The Entra job settings a dry run ran with (Entra's defaults unless the admin changed them). */
export interface DryRunJobSettings {
  /** SkipOutOfScopeDeletions (SKIP): false by default, so users who leave scope are disabled. */
  skipOutOfScopeDeletions: boolean;
  /** Target Object Actions on the user mapping (HOW, MAP): all three ticked by default. */
  targetObjectActions: { create: boolean; update: boolean; delete: boolean };
  /** Accidental-deletion prevention (ADP): off unless turned on with a threshold. */
  deletionThreshold: number | null;
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
  /**
   * Microsoft's estimate for the real initial cycle (WHEN): 0.01 to 0.08 minutes per assigned user, group and
   * group member, for "Sync only assigned users and groups". `formula: 'none'` under "Sync all": Microsoft
   * publishes no estimate for it, and the minutes are then only our per-user analogy.
   */
  estimate: {
    objectsInScope: number;
    minMinutes: number;
    maxMinutes: number;
    formula?: 'syncAssigned' | 'none';
    /** Assignments that match no imported user: Microsoft counts them, the cycle has no user for them. */
    unmatchedAssignments?: number;
  };
  settings?: DryRunJobSettings;
}
