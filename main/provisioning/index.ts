/**
 * The dry run's provisioning engine: Entra's provisioning cycles against the mock or a live Jostle tenant.
 * See docs/dry-run.md.
 */
export {
  createProvisioningEngine,
  DEFAULT_LIVE_CONCURRENCY,
  DEFAULT_LIVE_MAX_USERS,
  DEFAULT_LOOPBACK_CONCURRENCY,
  emptyCounts,
  INCREMENTAL_INTERVAL_DAYS,
  LIVE_REQUESTS_PER_SECOND,
  type ProvisioningEngine,
} from './engine';
export { runDryRun, type RunDryRunOptions } from './run-dry-run';
export { DEFAULT_LOG_LIMITS } from './log-store';
export { SOFT_DELETE_RETENTION_DAYS } from './cycle-plan';
export {
  DEFAULT_QUARANTINE_THRESHOLDS,
  ENTRA_ESCROW_EVALUATION_START,
  estimateInitialCycle,
} from './thresholds';
export {
  GRAPH_LOG_EXPORT_LIMIT,
  newestLogEntries,
  provisioningObjectSummaries,
  type ProvisioningObjectSummary,
} from './graph-log';
export type * from './types';
