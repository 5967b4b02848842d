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
  staged: 'StagedDelete',
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
      return 'BadRequest';
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

/** Statuses and network failures worth another attempt within the cycle (Entra retries them). */
export function isTransientStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

export function isTransientNetworkError(kind: NetworkErrorKind): boolean {
  return kind === 'timeout' || kind === 'reset' || kind === 'refused' || kind === 'network';
}

/** SCIM error bodies carry `detail`; show it when there is one. */
export function scimErrorDetail(body: unknown): string | undefined {
  if (body && typeof body === 'object' && 'detail' in body) {
    const detail = (body as { detail: unknown }).detail;
    if (typeof detail === 'string' && detail.trim() !== '') return detail;
  }
  return undefined;
}
