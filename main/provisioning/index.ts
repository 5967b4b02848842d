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
  ENTRA_REQUESTS_PER_SECOND,
  type ProvisioningEngine,
} from './engine';
export { runDryRun, type RunDryRunOptions } from './run-dry-run';
export { DEFAULT_LOG_LIMITS } from './log-store';
export {
  DEFAULT_QUARANTINE_THRESHOLDS,
  ENTRA_DEFAULT_DELETION_THRESHOLD,
  estimateInitialCycle,
  scaledEvaluationStart,
} from './thresholds';
export type * from './types';
