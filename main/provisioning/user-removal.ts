/**
 * The turns that send nothing or take a user away (HOW, GOV): never-entitled users, soft deletes (disable while
 * in the recycle bin) and hard deletes, with the Target Object Actions applied.
 */
import type { ScimResource } from '../../shared/mapping';
import { CODES } from './entra-codes';
import { patchUser, Turn, type SyncContext, type SyncResult } from './turn';
import type { SyncJob } from './sync-job';

export function notEntitled(job: SyncJob): SyncResult {
  const planned = job.planned!;
  const disabled = planned.inScope;
  return {
    // GOV: a disabled, never-provisioned user is logged Create · Skipped · NotEffectivelyEntitled. The action
    // for an out-of-scope user under Sync all is not published; we log Other (assumed).
    action: disabled ? 'Create' : 'Other',
    status: 'Skipped',
    errorCode: CODES.notEntitled,
    message: disabled
      ? 'Disabled in Entra and never provisioned: Entra does not provision, match or look up the user.'
      : 'Out of scope (Sync all users and groups): Entra skips the user.',
    targetId: null,
    diff: [],
    exchanges: [],
    inSync: true,
    cancelled: false,
  };
}

/** HOW: a user deleted in the directory (recycle bin) is disabled in the target until the hard delete. */
export async function softDelete(job: SyncJob, context: SyncContext): Promise<SyncResult> {
  const turn = new Turn(job, context, 'Disable');
  const read = await turn.send({
    method: 'GET',
    path: `/Users/${encodeURIComponent(job.targetId!)}`,
    repeatable: true,
  });
  if (read.response?.status !== 200) return turn.failure(read, 'read', 'Reading the user by its cached id');
  const current = read.response.body as ScimResource | undefined;
  if (!current || typeof current !== 'object')
    return turn.result('Failure', CODES.incompatible, 'The user read by id was not a SCIM resource');
  const result = await patchUser(turn, current, { active: false } as ScimResource);
  if (result.status === 'Success') {
    result.message = 'Deleted in Entra (recycle bin): disabled in Jostle; the DELETE follows after 30 days.';
  }
  return result;
}

export async function deleteUser(job: SyncJob, context: SyncContext): Promise<SyncResult> {
  const turn = new Turn(job, context, 'Delete');
  if (!context.actions.delete) {
    return turn.result(
      'Skipped',
      CODES.actionOff,
      'The Delete target object action is off: Entra sends no DELETE.',
      true,
    );
  }
  const removed = await turn.send({
    method: 'DELETE',
    path: `/Users/${encodeURIComponent(job.targetId!)}`,
    repeatable: true,
  });
  const status = removed.response?.status;
  if (status === 204 || status === 200) return turn.result('Success', null, 'Deleted from Jostle', true);
  if (status === 404) {
    turn.targetId = null;
    return turn.result('Success', null, 'Already absent from Jostle (404): nothing left to delete', true);
  }
  return turn.failure(removed, 'write', 'Deleting the user');
}
