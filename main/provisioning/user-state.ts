/**
 * What the engine remembers about each user after a turn: Entra's cached target id, whether Entra still manages
 * the user, whether they are active in Jostle, and the fingerprint that makes an unchanged user cost nothing.
 */
import { CODES } from './entra-codes';
import type { PlannedJob, UserState } from './cycle-plan';
import type { SyncResult } from './user-sync';
import { updateFingerprint, type CompiledSource } from './source-plan';

const outcomes = new Map<string, UserState['outcome']>();

/** One shared string per action and status: 500,000 users would otherwise each hold their own copy. */
function outcomeOf(result: SyncResult): UserState['outcome'] {
  const key = `${result.action}:${result.status}` as const;
  let outcome = outcomes.get(key);
  if (outcome === undefined) outcomes.set(key, (outcome = key));
  return outcome;
}

export function recordResult(
  states: Map<string, UserState>,
  planned: PlannedJob,
  result: SyncResult,
  cycle: number,
  source: CompiledSource | null,
): void {
  const { job } = planned;
  const state: UserState = states.get(job.objectId) ?? {
    objectId: job.objectId,
    userPrincipalName: job.userPrincipalName,
    targetId: null,
    fingerprint: null,
    active: false,
    deleted: false,
    managed: false,
    missingSinceDay: null,
    cycle,
    outcome: 'NotProcessed',
    seenInPlan: 0,
  };
  state.userPrincipalName = job.userPrincipalName;
  state.targetId = result.targetId;
  state.cycle = cycle;
  state.outcome = outcomeOf(result);
  const actionOff = result.errorCode === CODES.actionOff;
  if (!result.inSync) {
    state.fingerprint = null; // Escrowed (or cancelled, or staged): the next cycle tries again.
  } else if (job.kind === 'delete') {
    // Deleted, or the Delete action is off: either way Entra is done with this user.
    state.managed = false;
    if (!actionOff) {
      state.deleted = true;
      state.targetId = null;
    }
    state.fingerprint = null;
  } else if (job.kind === 'softDelete') {
    if (!actionOff) state.active = false;
    state.fingerprint = null;
  } else {
    const { inScope, softDeleted } = job.planned!;
    state.deleted = false;
    state.fingerprint =
      planned.fingerprint !== undefined
        ? planned.fingerprint
        : source
          ? updateFingerprint(source, job.planned!).fingerprint
          : null;
    state.managed = inScope && job.kind !== 'notEntitled';
    if (job.kind === 'keepOutOfScope') state.managed = false;
    else if (!actionOff) state.active = result.targetId !== null && !softDeleted;
  }
  states.set(job.objectId, state);
}

/** A user the cycle left alone (start-small limit, quarantine, cancellation). */
export function recordNotProcessed(states: Map<string, UserState>, planned: PlannedJob, cycle: number): void {
  const outcome = 'NotProcessed';
  const state = states.get(planned.job.objectId);
  if (state) {
    state.cycle = cycle;
    state.outcome = outcome;
  } else {
    states.set(planned.job.objectId, {
      objectId: planned.job.objectId,
      userPrincipalName: planned.job.userPrincipalName,
      targetId: null,
      fingerprint: null,
      active: false,
      deleted: false,
      managed: false,
      missingSinceDay: null,
      cycle,
      outcome,
      seenInPlan: 0,
    });
  }
}
