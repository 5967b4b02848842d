/**
 * What the engine remembers about each user after a turn: Entra's cached target id, whether Entra still manages
 * the user, whether they are active in Jostle, and the fingerprint that makes an unchanged user cost nothing.
 * Held in columns (user-state-table.ts).
 */
import { CODES } from './entra-codes';
import type { PlannedJob } from './plan-types';
import type { SyncResult } from './user-sync';
import { updateFingerprint, type CompiledSource } from './source-plan';
import type { UserStateTable } from './user-state-table';

function rowFor(states: UserStateTable, planned: PlannedJob, cycle: number): number {
  const { job } = planned;
  const row = states.rowOf(job.objectId);
  return row >= 0 ? row : states.add(job.objectId, job.userPrincipalName, cycle);
}

export function recordResult(
  states: UserStateTable,
  planned: PlannedJob,
  result: SyncResult,
  cycle: number,
  source: CompiledSource | null,
): void {
  const { job } = planned;
  const row = rowFor(states, planned, cycle);
  states.setUserPrincipalName(row, job.userPrincipalName);
  states.setTargetId(row, result.targetId);
  // The table keeps it as a one-byte code into its few distinct outcomes.
  states.setOutcome(row, cycle, `${result.action}:${result.status}`);
  const actionOff = result.errorCode === CODES.actionOff;
  if (!result.inSync) {
    states.setFingerprint(row, null); // Escrowed (or cancelled, or staged): the next cycle tries again.
  } else if (job.kind === 'delete') {
    // Deleted, or the Delete action is off: either way Entra is done with this user.
    states.setManaged(row, false);
    if (!actionOff) {
      states.setDeleted(row, true);
      states.setTargetId(row, null);
    }
    states.setFingerprint(row, null);
  } else if (job.kind === 'softDelete') {
    if (!actionOff) states.setActive(row, false);
    states.setFingerprint(row, null);
  } else {
    const { inScope, softDeleted } = job.planned!;
    states.setDeleted(row, false);
    states.setFingerprint(
      row,
      planned.fingerprint !== undefined
        ? planned.fingerprint
        : result.fingerprint !== undefined
          ? result.fingerprint
          : source
            ? updateFingerprint(source, job.planned!).fingerprint
            : null,
    );
    states.setManaged(row, inScope && job.kind !== 'notEntitled' && job.kind !== 'keepOutOfScope');
    if (job.kind !== 'keepOutOfScope' && !actionOff)
      states.setActive(row, result.targetId !== null && !softDeleted);
  }
}

/** A user the cycle left alone (start-small limit, quarantine, cancellation). */
export function recordNotProcessed(states: UserStateTable, planned: PlannedJob, cycle: number): void {
  states.setOutcome(rowFor(states, planned, cycle), cycle, 'NotProcessed');
}
