/**
 * One user's turn in a cycle: the requests sent so far, the target id learned, and how an answer becomes a log
 * result in Entra's vocabulary (entra-codes.ts). Shared by the sync of present users and of removed ones.
 */
import {
  diffScimResources,
  type PatchDialect,
  type ScimResource,
  toPatchRequest,
} from '../../shared/mapping';
import type { ProvisioningAction, ProvisioningStatus } from '../../shared/provisioning/summary';
import { CODES, codeForNetworkError, codeForStatus, scimErrorDetail } from './entra-codes';
import type { RequestSender, SendOutcome, SendRequest } from './request-sender';
import type { CompiledSource } from './source-plan';
import type { AttributeDiff, TargetObjectActions } from './types';
import type { SyncJob } from './sync-job';

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
  /** What the engine stores for an in-sync user, when the turn already worked it out (a create does). */
  fingerprint?: number | undefined;
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

export const quote = (value: string): string => `"${value}"`;

/**
 * KNOWN: Entra "can't perform filter queries on values containing special characters", and the attempt fails.
 * Microsoft does not say which characters; we assume the ones a SCIM filter string cannot carry unescaped (the
 * double quote and the backslash) and control characters. docs/entra-fidelity.md (F4) marks this assumed.
 */
// eslint-disable-next-line no-control-regex
export const UNFILTERABLE = /["\\\u0000-\u001f\u007f]/;
export const UNFILTERABLE_VALUE_CODE = 'SpecialCharactersInMatchingValue';

export class Turn {
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

  /** Sends one request of this turn; the sender records the exchange (no async layer of its own here). */
  send(request: SendRequest): Promise<SendOutcome> {
    return this.context.sender.send(request, this.context.signal, this.exchanges);
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
      fingerprint: undefined,
      cancelled: false,
    };
  }

  /** The failure (or cancellation) an unusable answer means. */
  failure(outcome: SendOutcome, step: 'match' | 'read' | 'write', what: string): SyncResult {
    if (this.context.signal.aborted && (!outcome.response || outcome.attempts === 0)) {
      const cancelled = this.result('Skipped', CODES.cancelled, `Cancelled during ${what}`);
      cancelled.cancelled = true;
      return cancelled;
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
    // A 429's Retry-After is named, so the admin sees how long Jostle asked Entra to wait.
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

export function listResources(body: unknown): ScimResource[] | null {
  if (!body || typeof body !== 'object') return null;
  const list = body as { totalResults?: unknown; Resources?: unknown };
  if (typeof list.totalResults !== 'number') return null;
  if (list.totalResults === 0) return [];
  return Array.isArray(list.Resources) ? (list.Resources as ScimResource[]) : null;
}

export const idOf = (resource: unknown): string | null => {
  const id = resource && typeof resource === 'object' ? (resource as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? id : null;
};

/** Sends the PATCH that turns `current` into `desired`, or logs Other · Skipped when they already agree. */
export async function patchUser(
  turn: Turn,
  current: ScimResource,
  desired: ScimResource,
): Promise<SyncResult> {
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
      : `Updated ${changes.length} ${changes.length === 1 ? 'attribute' : 'attributes'}`,
    true,
  );
}
