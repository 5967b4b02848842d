/**
 * Where each normalised value lives in the shapes Entra produces. Keys are compared "flattened" (lower-case,
 * letters and digits only), so `provisioningStatusInfo.status`, `ProvisioningStatusInfo_Status` and a CSV header
 * `Provisioning status info status` all match, and PascalCase Log Analytics names match Graph's camelCase.
 *
 * Sources:
 * - Graph provisioningObjectSummary (the JSON download follows it): activityDateTime, provisioningAction,
 *   provisioningStatusInfo.{status, errorInformation.{errorCode, reason, additionalDetails}}, sourceIdentity.
 *   {id, displayName}, targetIdentity.{id, displayName}, jobId, cycleId, changeId.
 * - The older beta shape (before Graph's Dec 2021 switch): action, statusInfo.{status, errorCode, reason}.
 * - Azure Monitor AADProvisioningLogs (Log Analytics exports): TimeGenerated, ProvisioningAction, ResultType,
 *   ResultSignature, ResultDescription, and JSON-text columns SourceIdentity, TargetIdentity, ProvisioningStatusInfo.
 * - The portal's column labels (Date, Action, Status, Identity, Error Code, Reason, Job ID, Cycle ID, Change ID).
 *   Microsoft does not publish the CSV download's exact headers, so the labels are matched loosely.
 */

export type FieldName =
  | 'at'
  | 'action'
  | 'status'
  | 'errorCode'
  | 'reason'
  | 'sourceId'
  | 'sourceName'
  | 'targetId'
  | 'cycleId'
  | 'jobId'
  | 'changeId';

/** In priority order: the first one present wins. Dotted paths may also walk into nested or JSON-text values. */
export const FIELD_PATHS: Record<FieldName, readonly string[]> = {
  at: [
    'activityDateTime',
    'activityDate',
    'TimeGenerated',
    'Date (UTC)',
    'Date',
    'time',
    'timestamp',
    'Date/Time',
  ],
  action: ['provisioningAction', 'action', 'Provisioning action'],
  status: [
    'provisioningStatusInfo.status',
    'provisioningStatusInfoStatus',
    'statusInfo.status',
    'ResultType',
    'status',
    'status.status',
    'Provisioning status',
    'result',
  ],
  errorCode: [
    'provisioningStatusInfo.errorInformation.errorCode',
    'provisioningStatusInfo.errorCode',
    'errorInformation.errorCode',
    'statusInfo.errorCode',
    'statusInfo.errorInformation.errorCode',
    'ResultSignature',
    'errorCode',
    'Status error code',
  ],
  reason: [
    'provisioningStatusInfo.errorInformation.reason',
    'provisioningStatusInfo.reason',
    'errorInformation.reason',
    'statusInfo.reason',
    'statusInfo.errorInformation.reason',
    'ResultDescription',
    'reason',
    'Status reason',
    'Failure reason',
    'Error reason',
    'provisioningStatusInfo.errorInformation.additionalDetails',
    'additionalDetails',
  ],
  sourceId: [
    'sourceIdentity.id',
    'Source identity ID',
    'sourceIdentity_EntraId',
    'Source ID',
    'Source object ID',
  ],
  sourceName: [
    'sourceIdentity.displayName',
    'Source identity display name',
    // The walkthrough's download (headers are not published, so several spellings are read).
    'Source identity name',
    'Source display name',
    'Source name',
    'Identity',
    'reportableIdentifier',
  ],
  targetId: [
    'targetIdentity.id',
    'Target identity ID',
    'targetIdentity_EntraId',
    'Target ID',
    'Target object ID',
  ],
  cycleId: ['cycleId', 'Cycle ID'],
  jobId: ['jobId', 'Job ID'],
  changeId: ['changeId', 'Change ID'],
};

export const flatten = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

export type Lookupable = Record<string, unknown>;

const isRecord = (value: unknown): value is Lookupable =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Log Analytics stores nested objects as JSON text; open it when a path needs to walk inside. */
function asRecord(value: unknown): Lookupable | undefined {
  if (isRecord(value)) return value;
  if (typeof value === 'string' && value.trimStart().startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(value);
      return isRecord(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Flattened-key views, built once per object: a large download asks each row for a dozen paths. */
const flatViews = new WeakMap<Lookupable, Map<string, unknown>>();

function getFlat(record: Lookupable, flatKey: string): unknown {
  let view = flatViews.get(record);
  if (!view) {
    view = new Map();
    for (const [key, value] of Object.entries(record)) {
      if (!view.has(flatten(key))) view.set(flatten(key), value);
    }
    flatViews.set(record, view);
  }
  return view.get(flatKey);
}

/** The value at `path`: first as one flattened key, then segment by segment. */
export function valueAt(record: Lookupable, path: string): unknown {
  const whole = getFlat(record, flatten(path));
  if (whole !== undefined || !path.includes('.')) return whole;
  let current: Lookupable | undefined = record;
  const segments = path.split('.');
  for (const [position, segment] of segments.entries()) {
    if (!current) return undefined;
    const value = getFlat(current, flatten(segment));
    if (position === segments.length - 1) return value;
    current = asRecord(value);
  }
  return undefined;
}

/** The first present, scalar, non-blank value among the field's paths, as text. */
export function fieldText(record: Lookupable, field: FieldName): string | undefined {
  for (const path of FIELD_PATHS[field]) {
    const value = valueAt(record, path);
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  }
  return undefined;
}

/** Whether a set of column headers can supply the field (directly, or through a JSON-text column). */
export function headersSupply(flatHeaders: ReadonlySet<string>, field: FieldName): boolean {
  return FIELD_PATHS[field].some(
    (path) =>
      flatHeaders.has(flatten(path)) || (path.includes('.') && flatHeaders.has(flatten(path.split('.')[0]!))),
  );
}
