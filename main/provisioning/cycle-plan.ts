/**
 * Decides, before any request, what a cycle has to do for each user: compares the source with what was last
 * synced (per-user snapshot), applies the start-small limit and the accidental-deletion threshold.
 */
import type { UserOutcome } from './types';
import { updateFingerprint, type CompiledSource } from './source-plan';
import type { SyncJob } from './user-sync';

/** What the engine remembers about a user between cycles (Entra's cached target id plus our snapshot). */
export interface UserState {
  objectId: string;
  userPrincipalName: string;
  targetId: string | null;
  /** Fingerprint of what was last synced successfully; null = never, or must be retried (escrow). */
  fingerprint: string | null;
  /** Active in Jostle after the last successful sync. */
  active: boolean;
  deleted: boolean;
  cycle: number;
  outcome: UserOutcome['outcome'];
}

export interface PlannedJob {
  job: SyncJob;
  fingerprint: string | null;
}

export interface CyclePlan {
  jobs: PlannedJob[];
  staged: PlannedJob[];
  overLimit: PlannedJob[];
  unchanged: UserState[];
  considered: number;
  outOfScope: number;
  deletionsPlanned: number;
  deletionThresholdExceeded: boolean;
}

export interface PlanLimits {
  maxUsersPerRun: number | null;
  deletionThreshold: number | null;
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
  for (const planned of source.users) {
    const { objectId, userPrincipalName } = planned.user;
    const state = states.get(objectId);
    const known = state !== undefined && !state.deleted && state.targetId !== null;
    if (!planned.inScope && !known) {
      outOfScope += 1; // Never provisioned and not wanted: Entra leaves them alone.
      continue;
    }
    const { fingerprint } = updateFingerprint(source, planned);
    if (state && !state.deleted && state.fingerprint === fingerprint) {
      unchanged.push(state);
      continue;
    }
    const targetId = known ? state.targetId : null;
    const kind = !planned.softDeleted ? 'upsert' : targetId ? 'disable' : 'disableIfFound';
    wanted.push({
      job: { kind, objectId, userPrincipalName, planned, targetId, wasActive: known && state.active },
      fingerprint,
    });
  }
  for (const state of states.values()) {
    if (state.deleted || state.targetId === null || source.byObjectId.has(state.objectId)) continue;
    wanted.push({
      job: {
        kind: 'delete',
        objectId: state.objectId,
        userPrincipalName: state.userPrincipalName,
        planned: undefined,
        targetId: state.targetId,
        wasActive: state.active,
      },
      fingerprint: null,
    });
  }

  // Accidental deletions: disables of active users plus deletes, counted before anything is sent.
  const isDeletion = (job: SyncJob) => job.kind === 'delete' || (job.kind === 'disable' && job.wasActive);
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
    if (limits.maxUsersPerRun !== null && !admitted.has(objectId)) {
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
