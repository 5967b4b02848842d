/**
 * Decides, before any request, what a cycle has to do for each user, as Entra's incremental cycle does (HOW):
 * compares the source with what was last synced (per-user snapshot), follows the deletion lifecycle (a user
 * missing from the import is soft-deleted: disabled now, DELETEd when permanently deleted or 30 days later; a
 * user Entra no longer managed gets nothing), and applies the start-small limit and the accidental-deletion
 * threshold.
 */
import { JobList } from './job-list';
import type { PlannedJob } from './plan-types';
import { plannedUser, rowObjectId, updateFingerprint, type CompiledSource } from './source-plan';
import type { SyncJob } from './sync-job';
import type { UserStateTable } from './user-state-table';

/** HOW: "users are hard-deleted 30 days after they're soft-deleted", and then Entra sends the DELETE. */
export const SOFT_DELETE_RETENTION_DAYS = 30;

export type { PlannedJob } from './plan-types';

/** Numbers the plans, so a state can say which plan saw it without a set of 500,000 ids. */
let planSerial = 0;

export interface CyclePlan {
  /** Compact: each job is built when it is read (job-list.ts). */
  jobs: JobList;
  staged: PlannedJob[];
  overLimit: PlannedJob[];
  /** Rows of the state table. */
  unchanged: number[];
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

function isPermanentlyDeleted(source: CompiledSource, states: UserStateTable, row: number): boolean {
  const userPrincipalName = states.userPrincipalName(row);
  return (
    source.permanentlyDeleted.has(states.objectId(row).toLowerCase()) ||
    (userPrincipalName !== '' && source.permanentlyDeleted.has(userPrincipalName.toLowerCase()))
  );
}

export function planCycle(
  source: CompiledSource,
  states: UserStateTable,
  admitted: Set<string>,
  limits: PlanLimits,
): CyclePlan {
  const wanted = new JobList(source, states);
  const unchanged: number[] = [];
  let outOfScope = 0;
  const serial = (planSerial += 1);
  for (let row = 0; row < source.users.length; row += 1) {
    const objectId = rowObjectId(source, row);
    const state = states.rowOf(objectId);
    if (state >= 0) {
      states.setMissingSinceDay(state, null); // Back in the import: restored from the recycle bin.
      states.setSeenInPlan(state, serial);
    }
    const planned = plannedUser(source, row);
    const known = states.known(state);
    if (!planned.inScope && !known && !source.syncAll) {
      outOfScope += 1; // Sync only assigned: Entra never evaluates users who are not assigned.
      continue;
    }
    // Only a user synced before can be unchanged; for the others the fingerprint waits until it is stored.
    let fingerprint: number | undefined;
    const stored = state >= 0 && !states.deleted(state) ? states.fingerprint(state) : null;
    if (stored !== null) {
      fingerprint = updateFingerprint(source, planned).fingerprint;
      if (stored === fingerprint) {
        unchanged.push(state);
        continue;
      }
    }
    let kind: SyncJob['kind'] = 'upsert';
    if (!known && !planned.inScope) kind = 'notEntitled';
    else if (!known && planned.softDeleted) kind = 'notEntitled';
    else if (known && !planned.inScope && limits.skipOutOfScopeDeletions) kind = 'keepOutOfScope';
    else if (known && planned.softDeleted) kind = 'disable';
    wanted.pushRow(row, kind, fingerprint);
  }
  for (let state = 0; state < states.size; state += 1) {
    if (!states.known(state) || states.seenInPlan(state) === serial) continue;
    // Missing from the import: deleted in the directory.
    if (!states.managed(state)) continue; // Unassigned or out of scope before: Entra sends nothing now.
    let missingSinceDay = states.missingSinceDay(state);
    if (missingSinceDay === null) states.setMissingSinceDay(state, (missingSinceDay = limits.today));
    const hardDeleted =
      isPermanentlyDeleted(source, states, state) ||
      limits.today - missingSinceDay >= SOFT_DELETE_RETENTION_DAYS;
    const active = states.active(state);
    if (!hardDeleted && !active) continue; // Soft-deleted and already disabled: wait for the 30 days.
    wanted.pushJob({
      job: {
        kind: hardDeleted ? 'delete' : 'softDelete',
        objectId: states.objectId(state),
        userPrincipalName: states.userPrincipalName(state),
        planned: undefined,
        targetId: states.targetId(state),
        wasActive: active,
      },
      fingerprint: null,
    });
  }

  // Accidental deletions (ADP FAQ): disables of active users plus deletes, counted before anything is sent.
  const isDeletion = (index: number) => {
    const kind = wanted.kindAt(index);
    return kind === 'delete' || ((kind === 'disable' || kind === 'softDelete') && wanted.wasActiveAt(index));
  };
  let deletionsPlanned = 0;
  for (let index = 0; index < wanted.length; index += 1) if (isDeletion(index)) deletionsPlanned += 1;
  const exceeded = limits.deletionThreshold !== null && deletionsPlanned > limits.deletionThreshold;

  // Usually every wanted job runs: then the list is the plan's, with no copy.
  const filtering = exceeded || limits.maxUsersPerRun !== null;
  const jobs = filtering ? new JobList(source, states) : wanted;
  const staged: PlannedJob[] = [];
  const overLimit: PlannedJob[] = [];
  for (let index = 0; filtering && index < wanted.length; index += 1) {
    if (exceeded && isDeletion(index)) {
      staged.push(wanted.at(index));
      continue;
    }
    const kind = wanted.kindAt(index);
    const objectId = wanted.objectIdAt(index);
    const sendsNothing = kind === 'notEntitled' || kind === 'keepOutOfScope';
    if (limits.maxUsersPerRun !== null && !sendsNothing && !admitted.has(objectId)) {
      if (admitted.size >= limits.maxUsersPerRun) {
        overLimit.push(wanted.at(index));
        continue;
      }
      admitted.add(objectId);
    }
    jobs.pushFrom(wanted, index);
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
