export { parseProvisioningLogs } from './parse';
export type { ParseProvisioningLogsOptions } from './parse';
export { PROVISIONING_ACTIONS, PROVISIONING_STATUSES } from './model';
export type {
  ProvisioningAction,
  ProvisioningLogFormat,
  ProvisioningLogImportError,
  ProvisioningLogParseResult,
  ProvisioningLogRow,
  ProvisioningStatus,
} from './model';
export { summariseProvisioningLogs } from './summary';
export type {
  CycleSummary,
  ErrorCodeSummary,
  FailureSample,
  ProvisioningLogSummary,
  SummariseOptions,
} from './summary';
export { ESCROW_EVALUATION_MINIMUM, ESCROW_FAILURE_CAP, ESCROW_PROPORTION_THRESHOLD } from './quarantine';
export type { QuarantineAssessment, QuarantineSignal, QuarantineSignalKind } from './quarantine';
export { FIELD_PATHS } from './fields';
