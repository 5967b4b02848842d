/**
 * Decides, before any request, what a cycle has to do for each user, as Entra's incremental cycle does (HOW):
 * compares the source with what was last synced (per-user snapshot), follows the deletion lifecycle (a user
 * missing from the import is soft-deleted: disabled now, DELETEd when permanently deleted or 30 days later; a
 * user Entra no longer managed gets nothing), and applies the start-small limit and the accidental-deletion
 * threshold.
 */
import type { UserOutcome } from './types';
import {
  plannedUser,
  rowObjectId,
  rowUserPrincipalName,
  updateFingerprint,
  type CompiledSource,
} from './source-plan';
import type { SyncJob } from './sync-job';

/** HOW: "users are hard-deleted 30 days after they're soft-deleted", and then Entra sends the DELETE. */
export const SOFT_DELETE_RETENTION_DAYS = 30;

/** What the engine remembers about a user between cycles (Entra's cached target id plus our snapshot). */
export interface UserState {
  objectId: string;
  userPrincipalName: string;
  targetId: string | null;
  /** Fingerprint of what was last synced successfully; null = never, or must be retried (escrow). */
  fingerprint: number | null;
  /** Active in Jostle after the last successful sync. */
  active: boolean;
  deleted: boolean;
  /**
   * Entra still manages the user: in scope at the last sync. A user disabled because they were unassigned or
   * filtered out is no longer managed, so deleting them from the directory sends nothing (HOW, Known limitations).
   */
  managed: boolean;
  /** Simulated day the user was first missing from an import (soft-deleted); null while present. */
  missingSinceDay: number | null;
  cycle: number;
  outcome: UserOutcome['outcome'];
  /** The plan that last found the user in the import (see planCycle); 0 = none yet. */
  seenInPlan: number;
}

export interface PlannedJob {
  job: SyncJob;
  /**
   * What the sync would store on success; undefined = not worked out yet (a user with nothing to compare
   * against, as in the initial cycle), computed when the result is recorded (user-state.ts).
   */
  fingerprint: number | null | undefined;
}

/** Numbers the plans, so a state can say which plan saw it without a set of 500,000 ids. */
let planSerial = 0;

export interface CyclePlan {
  jobs: PlannedJob[];
  staged: PlannedJob[];
  overLimit: PlannedJob[];
  unchanged: UserState[];
  considered: number;
  /** Out of scope and never provisioned, under "Sync only assigned": Entra does not evaluate them. */
  outOfScope: number;
  deletionsPlanned: number;
  deletionThresholdExceeded: boolean;
}

export interface PlanLimits {
  maxUsersPerRun: number | null;
  deletionThreshold: number | null;
  skipOutOfScopeDeletions: boolean;
  /** Simulated day of this cycle. */
  today: number;
}

function isPermanentlyDeleted(source: CompiledSource, state: UserState): boolean {
  return (
    source.permanentlyDeleted.has(state.objectId.toLowerCase()) ||
    (state.userPrincipalName !== '' && source.permanentlyDeleted.has(state.userPrincipalName.toLowerCase()))
  );
}

export function planCycle(
  source: CompiledSource,
  states: Map<string, UserState>,
  admitted: Set<string>,
  limits: PlanLimits,
): CyclePlan {
  const wanted: PlannedJob[] = [];
  const unchanged: UserState[] = [];
  let outOfScope = 0;
  const serial = (planSerial += 1);
  for (let row = 0; row < source.users.length; row += 1) {
    const objectId = rowObjectId(source, row);
    const state = states.get(objectId);
    if (state) {
      state.missingSinceDay = null; // Back in the import: restored from the recycle bin.
      state.seenInPlan = serial;
    }
    const planned = plannedUser(source, row);
    const known = state !== undefined && !state.deleted && state.targetId !== null;
    if (!planned.inScope && !known && !source.syncAll) {
      outOfScope += 1; // Sync only assigned: Entra never evaluates users who are not assigned.
      continue;
    }
    // Only a user synced before can be unchanged; for the others the fingerprint waits until it is stored.
    let fingerprint: number | undefined;
    if (state && !state.deleted && state.fingerprint !== null) {
      fingerprint = updateFingerprint(source, planned).fingerprint;
      if (state.fingerprint === fingerprint) {
        unchanged.push(state);
        continue;
      }
    }
    const userPrincipalName = rowUserPrincipalName(source, row);
    const targetId = known ? state.targetId : null;
    const wasActive = known && state.active;
    const job: SyncJob = { kind: 'upsert', objectId, userPrincipalName, planned, targetId, wasActive };
    if (!known && !planned.inScope) job.kind = 'notEntitled';
    else if (!known && planned.softDeleted) job.kind = 'notEntitled';
    else if (known && !planned.inScope && limits.skipOutOfScopeDeletions) job.kind = 'keepOutOfScope';
    else if (known && planned.softDeleted) job.kind = 'disable';
    wanted.push({ job, fingerprint });
  }
  for (const state of states.values()) {
    if (state.deleted || state.targetId === null || state.seenInPlan === serial) continue;
    // Missing from the import: deleted in the directory.
    if (!state.managed) continue; // Unassigned or out of scope before: Entra sends nothing now.
    state.missingSinceDay ??= limits.today;
    const hardDeleted =
      isPermanentlyDeleted(source, state) ||
      limits.today - state.missingSinceDay >= SOFT_DELETE_RETENTION_DAYS;
    if (!hardDeleted && !state.active) continue; // Soft-deleted and already disabled: wait for the 30 days.
    wanted.push({
      job: {
        kind: hardDeleted ? 'delete' : 'softDelete',
        objectId: state.objectId,
        userPrincipalName: state.userPrincipalName,
        planned: undefined,
        targetId: state.targetId,
        wasActive: state.active,
      },
      fingerprint: null,
    });
  }

  // Accidental deletions (ADP FAQ): disables of active users plus deletes, counted before anything is sent.
  const isDeletion = (job: SyncJob) =>
    job.kind === 'delete' || ((job.kind === 'disable' || job.kind === 'softDelete') && job.wasActive);
  const deletionsPlanned = wanted.filter((planned) => isDeletion(planned.job)).length;
  const exceeded = limits.deletionThreshold !== null && deletionsPlanned > limits.deletionThreshold;

  const jobs: PlannedJob[] = [];
  const staged: PlannedJob[] = [];
  const overLimit: PlannedJob[] = [];
  for (const planned of wanted) {
    if (exceeded && isDeletion(planned.job)) {
      staged.push(planned);
      continue;
    }
    const { objectId } = planned.job;
    const sendsNothing = planned.job.kind === 'notEntitled' || planned.job.kind === 'keepOutOfScope';
    if (limits.maxUsersPerRun !== null && !sendsNothing && !admitted.has(objectId)) {
      if (admitted.size >= limits.maxUsersPerRun) {
        overLimit.push(planned);
        continue;
      }
      admitted.add(objectId);
    }
    jobs.push(planned);
  }
  return {
    jobs,
    staged,
    overLimit,
    unchanged,
    considered: wanted.length + unchanged.length,
    outOfScope,
    deletionsPlanned,
    deletionThresholdExceeded: exceeded,
  };
}
