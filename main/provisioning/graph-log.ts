/**
 * The dry-run log as Microsoft Graph's provisioningObjectSummary (GRAPH-POS), one object per event and newest
 * first like a Graph page, so `--log-out` files can be imported by the Monitor step as a real log would be.
 * Identity ids are the source object id and the Jostle id; cycle, change and job ids are the dry run's own.
 */
import type { ProvisioningAction, ProvisioningStatus } from '../../shared/provisioning/summary';
import type { DryRunResult, LoggedRequest, ProvisioningLogEntry } from './types';

export interface ProvisioningObjectSummary {
  id: string;
  activityDateTime: string;
  jobId: string;
  cycleId: string;
  changeId: string;
  durationInMilliseconds: number;
  initiatedBy: { id: string; displayName: string; initiatorType: 'system' };
  servicePrincipal: { id: string; displayName: string };
  sourceSystem: { id: string; displayName: string; details: Record<string, string> };
  targetSystem: { id: string; displayName: string; details: Record<string, string> };
  sourceIdentity: { id: string; displayName: string; identityType: 'User'; details: Record<string, string> };
  targetIdentity: {
    id: string | null;
    displayName: string;
    identityType: 'urn:ietf:params:scim:schemas:core:2.0:User';
    details: Record<string, string>;
  };
  provisioningAction: string;
  provisioningStatusInfo: {
    status: string;
    errorInformation: {
      errorCode: string | null;
      reason: string | null;
      additionalDetails: string | null;
      errorCategory: string | null;
      recommendedAction: string | null;
    } | null;
  };
  provisioningSteps: Array<{
    name: string;
    provisioningStepType: 'import' | 'matching' | 'export';
    status: 'success' | 'failure';
    description: string;
    details: Record<string, string>;
  }>;
  modifiedProperties: Array<{ displayName: string; oldValue: string | null; newValue: string | null }>;
}

/** Graph's enum spelling: camelCase members (create, stagedDelete, other…). */
const graphAction = (action: ProvisioningAction) => action.charAt(0).toLowerCase() + action.slice(1);
const graphStatus = (status: ProvisioningStatus) => status.toLowerCase();

const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value);

function step(request: LoggedRequest): ProvisioningObjectSummary['provisioningSteps'][number] {
  const type = request.method !== 'GET' ? 'export' : request.path.includes('filter=') ? 'matching' : 'import';
  const ok = request.status !== null && request.status < 400;
  return {
    name: `${request.method} ${request.path.split('?')[0]}`,
    provisioningStepType: type,
    status: ok ? 'success' : 'failure',
    description: `${request.method} ${request.path} → ${request.status ?? request.error ?? 'no answer'}`,
    details: { attempts: String(request.attempts), durationMs: String(request.durationMs) },
  };
}

/**
 * The most events one saved Graph log holds: ~2.5 KB each as written, so ~125 MB; the whole log of a
 * 500,000-user cycle would pass V8's longest string and no viewer would open it.
 */
export const GRAPH_LOG_EXPORT_LIMIT = 50_000;

/** The newest entries of a run's log, at most GRAPH_LOG_EXPORT_LIMIT, oldest first (read page by page). */
export function newestLogEntries(
  result: DryRunResult,
  limit = GRAPH_LOG_EXPORT_LIMIT,
): ProvisioningLogEntry[] {
  return result.queryLog({ offset: 0, limit }).entries.reverse();
}

export function provisioningObjectSummaries(
  log: readonly ProvisioningLogEntry[],
  run: { startedAt: string; targetHost: string | null },
): { value: ProvisioningObjectSummary[] } {
  const jobId = `dryrun.${run.startedAt.replace(/[^0-9]/g, '').slice(0, 14)}`;
  const target = run.targetHost ?? 'Mock Jostle';
  const value = log.map((entry): ProvisioningObjectSummary => {
    const failed = entry.status !== 'Success';
    return {
      id: `${jobId}.${entry.id}`,
      activityDateTime: entry.at,
      jobId,
      cycleId: `${jobId}.cycle${entry.cycle}`,
      changeId: `${jobId}.change${entry.id}`,
      durationInMilliseconds: entry.requests.reduce((sum, request) => sum + request.durationMs, 0),
      initiatedBy: { id: '', displayName: 'Azure AD Provisioning Service', initiatorType: 'system' },
      servicePrincipal: { id: '', displayName: 'Jostle (dry run)' },
      sourceSystem: { id: '', displayName: 'Azure Active Directory', details: {} },
      targetSystem: { id: '', displayName: target, details: {} },
      sourceIdentity: {
        id: entry.objectId,
        displayName: entry.userPrincipalName,
        identityType: 'User',
        details: { UserPrincipalName: entry.userPrincipalName },
      },
      targetIdentity: {
        id: entry.targetId,
        displayName: entry.userPrincipalName,
        identityType: 'urn:ietf:params:scim:schemas:core:2.0:User',
        details: {},
      },
      provisioningAction: graphAction(entry.action),
      provisioningStatusInfo: {
        status: graphStatus(entry.status),
        errorInformation: failed
          ? {
              errorCode: entry.errorCode,
              reason: entry.message,
              additionalDetails: null,
              errorCategory: entry.status === 'Failure' ? 'NonServiceFailure' : null,
              recommendedAction: null,
            }
          : null,
      },
      provisioningSteps: entry.requests.map(step),
      modifiedProperties: entry.diff.map((change) => ({
        displayName: change.attribute,
        oldValue: text(change.old),
        newValue: text(change.new),
      })),
    };
  });
  // Newest first, as a Graph page of provisioning logs is ordered.
  value.reverse();
  return { value };
}
