/**
 * One user's turn in a cycle, as Entra's engine takes it (HOW): look the user up (by the cached target id, else
 * by a filter on the matching attribute), then create, update or disable, and classify the answer into Entra's
 * provisioning-log vocabulary. Removals are in user-removal.ts. Returns plain data; the engine counts and logs.
 */
import { getScimValue, type ScimResource } from '../../shared/mapping';
import { CODES } from './entra-codes';
import {
  idOf,
  listResources,
  patchUser,
  quote,
  Turn,
  UNFILTERABLE,
  UNFILTERABLE_VALUE_CODE,
  type SyncContext,
  type SyncResult,
} from './turn';
import { deleteUser, notEntitled, softDelete } from './user-removal';
import { createdFingerprint, sourceUser } from './source-plan';
import type { SyncJob } from './sync-job';

export type { JobKind, SyncJob } from './sync-job';
export type { SyncContext, SyncResult } from './turn';

export async function syncUser(job: SyncJob, context: SyncContext): Promise<SyncResult> {
  if (job.kind === 'delete') return deleteUser(job, context);
  if (job.kind === 'notEntitled') return notEntitled(job);
  if (job.kind === 'keepOutOfScope') {
    return new Turn(job, context, 'Other').result(
      'Skipped',
      CODES.notEntitled,
      'Out of scope, but SkipOutOfScopeDeletions is on: Entra leaves the Jostle account as it is.',
      true,
    );
  }
  if (job.kind === 'softDelete') return softDelete(job, context);
  // A user already disabled in Jostle whose other attributes changed gets an Update, not a second Disable.
  const disabling = job.kind === 'disable' && job.wasActive;
  const turn = new Turn(job, context, disabling ? 'Disable' : 'Update');
  const planned = job.planned!;
  const source = context.source!;
  const user = sourceUser(source, planned);
  const build = (operation: 'create' | 'update', current?: ScimResource) =>
    source.mapping.build(user, {
      operation,
      isSoftDeleted: planned.softDeleted,
      appRoles: planned.appRoles,
      ...(current ? { current } : {}), // "None" mappings back-fill an empty target (MAP)
    });
  const forCreate = build('create');
  if (forCreate.failures.length > 0) {
    if (!job.targetId && job.kind === 'upsert') turn.action = 'Create';
    const first = forCreate.failures[0]!;
    return turn.result(
      'Failure',
      CODES.mappingFailure,
      `The mapping to ${first.target} failed for this user: ${first.message}`,
    );
  }

  let current: ScimResource | null = null;
  if (turn.targetId) {
    const read = await turn.send({
      method: 'GET',
      path: `/Users/${encodeURIComponent(turn.targetId)}`,
      repeatable: true,
    });
    if (read.response?.status !== 200) return turn.failure(read, 'read', 'Reading the user by its cached id');
    current = (read.response.body as ScimResource | undefined) ?? null;
    if (!current || typeof current !== 'object')
      return turn.result('Failure', CODES.incompatible, 'The user read by id was not a SCIM resource');
  } else {
    turn.action = 'Create';
    let matchable = false;
    for (let at = 0; at < source.matchingPaths.length; at += 1) {
      const value = getScimValue(forCreate.resource, source.parsedMatchingPaths[at]!);
      if (typeof value !== 'string' || value.trim() === '') continue;
      matchable = true;
      const path = source.matchingPaths[at]!;
      if (UNFILTERABLE.test(value)) {
        return turn.result(
          'Failure',
          UNFILTERABLE_VALUE_CODE,
          `The ${path} value ${JSON.stringify(value)} contains a character Entra cannot filter on (assumed: " \\ or a control character), so Entra's lookup fails for this user.`,
        );
      }
      const lookup = await turn.send({
        method: 'GET',
        path: '/Users',
        query: { filter: `${path} eq ${quote(value)}` },
        repeatable: true,
      });
      if (lookup.response?.status !== 200) return turn.failure(lookup, 'match', `The lookup on ${path}`);
      const found = listResources(lookup.response.body);
      if (found === null) {
        return turn.result(
          'Failure',
          CODES.incompatible,
          'The lookup did not answer with a SCIM ListResponse',
        );
      }
      if (found.length > 1) {
        return turn.result(
          'Failure',
          CODES.duplicates,
          `${found.length} Jostle users have ${path} ${quote(value)}; Entra cannot tell which one is this user.`,
        );
      }
      if (found.length === 1) {
        current = found[0]!;
        turn.targetId = idOf(current);
        turn.action = disabling ? 'Disable' : 'Update';
        if (!turn.targetId) return turn.result('Failure', CODES.incompatible, 'The matched user has no id');
        break;
      }
    }
    if (!matchable) {
      turn.action = 'Other';
      return turn.result(
        'Skipped',
        CODES.noMatchingValue,
        `No value for the matching attribute ${source.matchingPaths.join(', ')}: Entra cannot match or create this user.`,
      );
    }
  }

  if (!current) {
    if (!context.actions.create) {
      return turn.result(
        'Skipped',
        CODES.actionOff,
        'Not in Jostle, and the Create target object action is off: Entra does not create the user.',
        true,
      );
    }
    const bodyText = JSON.stringify(forCreate.resource);
    const created = await turn.send({
      method: 'POST',
      path: '/Users',
      body: forCreate.resource,
      bodyText,
      repeatable: false,
    });
    const status = created.response?.status;
    if (status !== 201 && status !== 200) {
      const failed = turn.failure(created, 'write', 'Creating the user');
      if (status === 409) {
        failed.message +=
          '. A 409 is a failure, not a match: fix the conflicting value or the matching attribute.';
      }
      return failed;
    }
    turn.targetId = idOf(created.response!.body);
    if (!turn.targetId)
      return turn.result('Failure', CODES.incompatible, 'The created user came back without an id');
    const done = turn.result('Success', null, 'Created in Jostle', true);
    done.fingerprint = createdFingerprint(planned, forCreate, bodyText);
    return done;
  }
  return patchUser(turn, current, build('update', current).resource);
}
