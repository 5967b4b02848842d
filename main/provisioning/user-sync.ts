/**
 * One user's turn in a cycle, as Entra's engine takes it (reference §4): look the user up (by the cached
 * target id, else by a filter on the matching attribute), then create, update, disable or delete, and
 * classify the answer into Entra's provisioning-log vocabulary. Returns plain data; the engine counts and logs.
 */
import {
  diffScimResources,
  getScimValue,
  toPatchRequest,
  type PatchDialect,
  type ScimResource,
} from '../../shared/mapping';
import type { ProvisioningAction, ProvisioningStatus } from '../../shared/provisioning/summary';
import { CODES, codeForNetworkError, codeForStatus, scimErrorDetail } from './entra-codes';
import type { RequestSender, SendOutcome, SendRequest } from './request-sender';
import type { CompiledSource, PlannedUser } from './source-plan';
import type { AttributeDiff, TargetObjectActions } from './types';

export type JobKind =
  /** In scope and active: match or read, then create or update. */
  | 'upsert'
  /** Soft-deleted (out of scope, unassigned, disabled) with a known target: update with active false. */
  | 'disable'
  /**
   * Never provisioned and disabled in the source, or out of scope under Sync all: Entra logs Create/Other ·
   * Skipped · NotEffectivelyEntitled and sends nothing, not even a lookup (GOV: "were not matched").
   */
  | 'notEntitled'
  /** Left scope while SkipOutOfScopeDeletions is on: Entra leaves the Jostle account as it is (SKIP). */
  | 'keepOutOfScope'
  /** Missing from the import (in the recycle bin) and still active in Jostle: disable it (HOW). */
  | 'softDelete'
  /** Permanently deleted, or soft-deleted 30 days ago: DELETE. */
  | 'delete';

export interface SyncJob {
  kind: JobKind;
  objectId: string;
  userPrincipalName: string;
  planned: PlannedUser | undefined;
  targetId: string | null;
  /** The user was active in Jostle after the last sync, so this is a transition to disabled. */
  wasActive: boolean;
}

export interface SyncResult {
  action: ProvisioningAction;
  status: ProvisioningStatus;
  errorCode: string | null;
  message: string;
  /** The target id after this turn (learned by the lookup or the create), null when unknown or gone. */
  targetId: string | null;
  diff: AttributeDiff[];
  exchanges: SendOutcome[];
  /** The target now holds what the source says: remember the fingerprint. */
  inSync: boolean;
  /** 401, or 404 on the lookup: Entra quarantines the whole job. */
  quarantineStatus?: 401 | 404;
  cancelled: boolean;
}

export interface SyncContext {
  sender: RequestSender;
  source: CompiledSource | null;
  dialect: PatchDialect;
  actions: TargetObjectActions;
  signal: AbortSignal;
}

const quote = (value: string): string => `"${value}"`;

/**
 * KNOWN: Entra "can't perform filter queries on values containing special characters", and the attempt fails.
 * Microsoft does not say which characters; we assume the ones a SCIM filter string cannot carry unescaped (the
 * double quote and the backslash) and control characters. docs/entra-fidelity.md (F4) marks this assumed.
 */
// eslint-disable-next-line no-control-regex
const UNFILTERABLE = /["\\\u0000-\u001f\u007f]/;
export const UNFILTERABLE_VALUE_CODE = 'SpecialCharactersInMatchingValue';

class Turn {
  readonly exchanges: SendOutcome[] = [];
  targetId: string | null;
  diff: AttributeDiff[] = [];

  constructor(
    readonly job: SyncJob,
    readonly context: SyncContext,
    public action: ProvisioningAction,
  ) {
    this.targetId = job.targetId;
  }

  async send(request: SendRequest): Promise<SendOutcome> {
    const outcome = await this.context.sender.send(request, this.context.signal);
    this.exchanges.push(outcome);
    return outcome;
  }

  result(status: ProvisioningStatus, errorCode: string | null, message: string, inSync = false): SyncResult {
    return {
      action: this.action,
      status,
      errorCode,
      message,
      targetId: this.targetId,
      diff: this.diff,
      exchanges: this.exchanges,
      inSync,
      cancelled: false,
    };
  }

  /** The failure (or cancellation) an unusable answer means. */
  failure(outcome: SendOutcome, step: 'match' | 'read' | 'write', what: string): SyncResult {
    if (this.context.signal.aborted && (!outcome.response || outcome.attempts === 0)) {
      return { ...this.result('Skipped', CODES.cancelled, `Cancelled during ${what}`), cancelled: true };
    }
    if (!outcome.response) {
      const kind = outcome.networkError?.kind ?? 'aborted';
      const retried = outcome.attempts > 1 ? ` after ${outcome.attempts} attempts` : '';
      return this.result(
        'Failure',
        codeForNetworkError(kind),
        `${what} failed${retried}: ${outcome.networkError?.message ?? 'no answer'}. Not retried in this cycle: escrowed to the next one, as Entra does.`,
      );
    }
    const { status, body } = outcome.response;
    const code = codeForStatus(status, step);
    const detail = scimErrorDetail(body);
    const retried = outcome.attempts > 1 ? ` (after ${outcome.attempts} attempts)` : '';
    const retryAfter = status === 429 ? outcome.response.headers['retry-after'] : undefined;
    const after = retryAfter ? `; Retry-After: ${retryAfter}` : '';
    const escrowed =
      status >= 500 ? '. Not retried in this cycle: escrowed to the next one, as Entra does' : '';
    const result = this.result(
      'Failure',
      code,
      `${what} answered HTTP ${status}${after}${retried}${detail ? `: ${detail}` : ''}${escrowed}`,
    );
    if (status === 401 || (status === 404 && step === 'match')) result.quarantineStatus = status;
    if (code === CODES.invalidAnchor) {
      // LOGS InvalidAnchor: Entra keeps the cached id and fails again every cycle until the job is restarted.
      result.message += '. Entra keeps failing this user until the provisioning job is restarted.';
    }
    return result;
  }
}

function listResources(body: unknown): ScimResource[] | null {
  if (!body || typeof body !== 'object') return null;
  const list = body as { totalResults?: unknown; Resources?: unknown };
  if (typeof list.totalResults !== 'number') return null;
  if (list.totalResults === 0) return [];
  return Array.isArray(list.Resources) ? (list.Resources as ScimResource[]) : null;
}

const idOf = (resource: unknown): string | null => {
  const id = resource && typeof resource === 'object' ? (resource as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? id : null;
};

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
  const build = (operation: 'create' | 'update', current?: ScimResource) =>
    source.mapping.build(planned.user, {
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
    const paths = source.matchingPaths.filter((path) => {
      const value = getScimValue(forCreate.resource, path);
      return typeof value === 'string' && value.trim() !== '';
    });
    turn.action = 'Create';
    if (paths.length === 0) {
      turn.action = 'Other';
      return turn.result(
        'Skipped',
        CODES.noMatchingValue,
        `No value for the matching attribute ${source.matchingPaths.join(', ')}: Entra cannot match or create this user.`,
      );
    }
    for (const path of paths) {
      const value = getScimValue(forCreate.resource, path) as string;
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
    const created = await turn.send({
      method: 'POST',
      path: '/Users',
      body: forCreate.resource,
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
    return turn.result('Success', null, 'Created in Jostle', true);
  }
  // The current Jostle values go in, so a None mapping back-fills an empty target with its default (MAP).
  return patchUser(turn, current, build('update', current).resource);
}

/** Sends the PATCH that turns `current` into `desired`, or logs Other · Skipped when they already agree. */
async function patchUser(turn: Turn, current: ScimResource, desired: ScimResource): Promise<SyncResult> {
  const changes = diffScimResources(current, desired);
  turn.diff = changes.map((change) => ({ attribute: change.path, old: change.from ?? null, new: change.to }));
  const patch = toPatchRequest(changes, turn.context.dialect);
  if (!patch) {
    // concept-provisioning-logs: "Other" covers "the source and target system details already match".
    turn.action = 'Other';
    return turn.result('Skipped', CODES.skipped, 'Matched; Jostle already holds these values.', true);
  }
  if (!turn.context.actions.update) {
    return turn.result(
      'Skipped',
      CODES.actionOff,
      'The Update target object action is off: Entra sends no update (disabling is an update too).',
      true,
    );
  }
  const patched = await turn.send({
    method: 'PATCH',
    path: `/Users/${encodeURIComponent(turn.targetId!)}`,
    body: patch,
    repeatable: true,
  });
  const status = patched.response?.status;
  if (status !== 200 && status !== 204) return turn.failure(patched, 'write', 'Updating the user');
  return turn.result(
    'Success',
    null,
    turn.action === 'Disable'
      ? 'Disabled in Jostle (active false)'
      : `Updated ${changes.length} attribute(s)`,
    true,
  );
}

function notEntitled(job: SyncJob): SyncResult {
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
async function softDelete(job: SyncJob, context: SyncContext): Promise<SyncResult> {
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

async function deleteUser(job: SyncJob, context: SyncContext): Promise<SyncResult> {
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
