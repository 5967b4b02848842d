/** One provisioning event from an Entra provisioning-logs download, reduced to what the Monitor step needs. */

/** Entra's actions (concept-provisioning-logs): "Create, Update, Delete, Disable, StagedDelete, and Other". */
export const PROVISIONING_ACTIONS = [
  'Create',
  'Update',
  'Delete',
  'Disable',
  'StagedDelete',
  'Other',
] as const;
export type ProvisioningAction = (typeof PROVISIONING_ACTIONS)[number];

export const PROVISIONING_STATUSES = ['Success', 'Failure', 'Skipped', 'Warning'] as const;
export type ProvisioningStatus = (typeof PROVISIONING_STATUSES)[number];

export interface ProvisioningLogRow {
  /** Activity time, ISO 8601 UTC (Entra logs in UTC). */
  at: string;
  action: ProvisioningAction;
  status: ProvisioningStatus;
  errorCode?: string;
  reason?: string;
  /** The Entra object ID of the user or group (source identity). */
  sourceId?: string;
  sourceName?: string;
  /** The Jostle user ID (target identity), once Entra knows it. */
  targetId?: string;
  cycleId?: string;
  jobId?: string;
  /** Entra's unique ID for this change: what Microsoft and Jostle support ask for. */
  changeId?: string;
  /** Set for `StagedDelete` (the action too): a delete or disable held back by the accidental-deletion threshold. */
  staged?: true;
  /** Where the event is in the imported file: the CSV line or the JSON record number (1-based). */
  origin: { line?: number; record: number };
}

export type ProvisioningLogFormat = 'csv' | 'json-array' | 'json-graph-page' | 'json-records' | 'ndjson';

export interface ProvisioningLogImportError {
  message: string;
  /** 1-based line (CSV, NDJSON, or the line of a JSON syntax error). */
  line?: number;
  /** 1-based column of a JSON syntax error or of malformed CSV quoting. */
  column?: number;
  /** 0-based character offset of a JSON syntax error. */
  position?: number;
  /** 1-based record number for a record that is well formed but unusable. */
  record?: number;
}

export type ProvisioningLogParseResult =
  | { ok: true; format: ProvisioningLogFormat; rows: ProvisioningLogRow[]; warnings: string[] }
  | { ok: false; error: ProvisioningLogImportError };

/** Thrown inside the parsers and turned into `{ ok: false }` at the entry point, so nothing half-imports. */
export class ProvisioningLogError extends Error {
  constructor(
    message: string,
    readonly where: Omit<ProvisioningLogImportError, 'message'> = {},
  ) {
    super(message);
    this.name = 'ProvisioningLogError';
  }
}
