import { fieldText, type Lookupable } from './fields';
import { ProvisioningLogError, type ProvisioningLogRow } from './model';
import { optionalText, toAction, toErrorCode, toStatus, toTimestamp } from './values';

/** Describes where a record sits, for messages: "Line 12" (CSV, NDJSON) or "Record 3" (JSON array). */
export function describeOrigin(origin: ProvisioningLogRow['origin']): string {
  return origin.line !== undefined ? `Line ${origin.line}` : `Record ${origin.record}`;
}

/** Builds the normalised row from one record of any supported shape; throws with the record's place on bad data. */
export function toRow(record: Lookupable, origin: ProvisioningLogRow['origin']): ProvisioningLogRow {
  const where = { ...(origin.line !== undefined ? { line: origin.line } : {}), record: origin.record };
  const fail = (problem: string): never => {
    throw new ProvisioningLogError(`${describeOrigin(origin)}: ${problem}.`, where);
  };

  const errorCode = toErrorCode(fieldText(record, 'errorCode'));
  const rawStatus = fieldText(record, 'status');
  let status: ProvisioningLogRow['status'] = 'Success';
  try {
    // A row that names an error code but leaves the status blank failed; there is no other reading of it.
    status = rawStatus === undefined && errorCode !== undefined ? 'Failure' : toStatus(rawStatus);
  } catch (error) {
    fail((error as Error).message);
  }
  let at = '';
  try {
    at = toTimestamp(fieldText(record, 'at'));
  } catch (error) {
    fail((error as Error).message);
  }
  const { action, staged } = toAction(fieldText(record, 'action'));

  const row: ProvisioningLogRow = { at, action, status, origin };
  const optional = {
    errorCode,
    reason: optionalText(fieldText(record, 'reason')),
    sourceId: optionalText(fieldText(record, 'sourceId')),
    sourceName: optionalText(fieldText(record, 'sourceName')),
    targetId: optionalText(fieldText(record, 'targetId')),
    cycleId: optionalText(fieldText(record, 'cycleId')),
    jobId: optionalText(fieldText(record, 'jobId')),
    changeId: optionalText(fieldText(record, 'changeId')),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (row as unknown as Record<string, unknown>)[key] = value;
  }
  if (staged) row.staged = true;
  return row;
}
