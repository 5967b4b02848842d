/**
 * Turns what the target answered into Entra's provisioning-log error codes (reference §8.1, LOGS). The
 * mapping from HTTP status to code follows shared/entra-errors' catalogue so the dry run and the Monitor
 * step's log import speak the same language; where Microsoft lists a code without its trigger, the choice is
 * ours and docs/dry-run.md says so.
 */
import type { NetworkErrorKind } from '../scim/types';

/** Codes the engine writes that are not HTTP-derived. */
export const CODES = {
  conflict: 'EntryConflict',
  duplicates: 'DuplicateTargetEntries',
  invalidAnchor: 'InvalidAnchor',
  incompatible: 'SystemForCrossDomainIdentityManagementServiceIncompatible',
  skipped: 'EntrySynchronizationSkipped',
  noMatchingValue: 'ImportSkipped',
  /** GOV: the skip reason for a disabled user who was never provisioned (and, NOUSERS, for out-of-scope users). */
  notEntitled: 'NotEffectivelyEntitled',
  /** Ours: Microsoft publishes no reason for a write left out because its Target Object Action is unticked. */
  actionOff: 'TargetObjectActionDisabled',
  cancelled: 'OperationCancelled',
  quarantined: 'EncounteredQuarantineException',
  /** Ours: Entra fails the user before sending anything when an expression cannot be evaluated. */
  mappingFailure: 'AttributeMappingFailure',
  timeout: 'Timeout',
  connection: 'WebExceptionProtocolError',
} as const;

export function codeForStatus(status: number, step: 'match' | 'read' | 'write'): string {
  switch (status) {
    case 400:
      // 3P-1PW: a real Entra log of a 400 on create carries this code.
      return 'SystemForCrossDomainIdentityManagementBadRequest';
    case 401:
      return 'Unauthorized';
    case 403:
      return 'InsufficientRights';
    case 404:
      // On the lookup: a SCIM compliance problem (quarantine). On a cached id: the anchor is gone.
      return step === 'match' ? 'NotFound' : CODES.invalidAnchor;
    case 405:
      return 'MethodNotAllowed';
    case 409:
      return CODES.conflict;
    case 422:
      return 'UnprocessableEntity';
    case 429:
      return 'TooManyRequests';
    case 501:
      return 'NotImplemented';
    case 504:
      return CODES.timeout;
    default:
      return status >= 500 ? 'InternalServerError' : CODES.connection;
  }
}

export function codeForNetworkError(kind: NetworkErrorKind): string {
  if (kind === 'aborted') return CODES.cancelled;
  return kind === 'timeout' ? CODES.timeout : CODES.connection;
}

/**
 * The only answer retried within the cycle: 429 (LOGS: throttled requests are "automatically retried"). 5xx,
 * timeouts and resets are logged as failures and escrowed to the next cycle (LOGS "retried in 40 minutes";
 * 3P-1PW "This operation was retried 0 times").
 */
export function isRetriedInCycle(status: number): boolean {
  return status === 429;
}

/** SCIM error bodies carry `detail`; show it when there is one. */
export function scimErrorDetail(body: unknown): string | undefined {
  if (body && typeof body === 'object' && 'detail' in body) {
    const detail = (body as { detail: unknown }).detail;
    if (typeof detail === 'string' && detail.trim() !== '') return detail;
  }
  return undefined;
}
