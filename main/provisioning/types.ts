/**
 * Public, plain-data types of the provisioning engine (the dry run). Everything here is JSON-serialisable so
 * the app's API handlers can pass it to the renderer and the support export unchanged.
 */
import type { MappingConfig, PatchDialect } from '../../shared/mapping';
import type {
  CycleSummary,
  DryRunSummary,
  ProvisioningAction,
  ProvisioningStatus,
} from '../../shared/provisioning/summary';
import type { ScopeConfig } from '../../shared/scoping';
import type { AssignmentList, UserList } from '../../shared/source-data';
import type { ScimClientOptions, ScimTimeouts } from '../scim/types';

/** One import of the source directory: what a cycle sees. A later import with changes drives an incremental cycle. */
export interface SourceSnapshot {
  /** A plain array or an import's UserTable: the engine reads rows one at a time and keeps none. */
  users: UserList;
  /** Required for "Sync only assigned users and groups". */
  assignments?: AssignmentList;
  scope: ScopeConfig;
  mapping: MappingConfig;
  /**
   * Users missing from this import whom the admin says were permanently deleted (emptied from the recycle bin):
   * object ids or user principal names. Entra sends their DELETE now (HOW). Other missing users are only
   * soft-deleted: disabled now, deleted 30 days later.
   */
  permanentlyDeleted?: readonly string[];
  /** Simulated days since the previous cycle (default: one 40-minute incremental interval). */
  daysSincePreviousCycle?: number;
}

export interface ProvisioningTarget {
  /** `mock` for the embedded mock, `live` for a real Jostle tenant (start-small limits apply). */
  kind: 'mock' | 'live';
  baseUrl: string;
  /** Sent only as the bearer token; never logged, never returned. */
  token: string;
}

/**
 * Entra's escrow-proportion quarantine (QUAR): evaluation starts once `evaluationStartFailures` failures have
 * accrued (5,000); then the job is quarantined when more than `escrowProportion` of the events failed, or more
 * than `maxFailures` failed. Tests may lower the start; the app and the CLI always use Entra's numbers.
 */
export interface QuarantineThresholds {
  evaluationStartFailures: number;
  /** 0.4: "> 40% of provisioning events failed". */
  escrowProportion: number;
  /** 40,000 failures. */
  maxFailures: number;
}

/** Target Object Actions on the user mapping (HOW note, MAP): which writes Entra may send. Disabling is an update. */
export interface TargetObjectActions {
  create: boolean;
  update: boolean;
  delete: boolean;
}

export interface ProvisioningEngineOptions {
  target: ProvisioningTarget;
  /**
   * The caller already asked the live target whether it answers (the Dry run step does, before it replaces
   * anything): skip the engine's own check, so a cycle does not send the same question twice. Default false.
   */
  reachabilityChecked?: boolean;
  patchDialect?: PatchDialect;
  /**
   * "Start small": the most users this run may touch (send anything for). Users beyond it are reported as not
   * processed. Required for live targets (defaults to DEFAULT_LIVE_MAX_USERS there); null = no limit.
   */
  maxUsersPerRun?: number | null;
  /** Users processed at once. Default 64 against loopback, 4 against a live tenant. */
  concurrency?: number;
  /**
   * Requests per second cap (token bucket). Default: none against loopback; 25 against a live tenant, our
   * pacing taken from the rate Microsoft asks gallery apps to sustain (SCIM-DEV), not a rate Entra documents.
   */
  requestsPerSecond?: number | null;
  quarantine?: Partial<QuarantineThresholds>;
  /**
   * Accidental-deletion prevention (ADP): when a cycle would disable plus delete more than this many users,
   * none of those is sent; they are logged as StagedDelete. Default null: off, as in a new Entra job.
   */
  deletionThreshold?: number | null;
  /** SkipOutOfScopeDeletions (SKIP). Default false: users who leave scope are disabled. */
  skipOutOfScopeDeletions?: boolean;
  /** Default: Create, Update and Delete all ticked. */
  targetObjectActions?: Partial<TargetObjectActions>;
  /**
   * Attempts for a throttled (429) request, the first included (default 3), honouring Retry-After up to
   * retryMaxDelayMs. 5xx answers, timeouts and resets are never retried within a cycle (LOGS, 3P-1PW).
   */
  retryAttempts?: number;
  retryBaseDelayMs?: number;
  /** Longest wait honoured for a Retry-After or backoff; a longer Retry-After escrows instead (default 10 s). */
  retryMaxDelayMs?: number;
  timeouts?: Partial<ScimTimeouts>;
  /** Passed to createScimClient (proxy, CA file, env). Token and base URL come from `target`. */
  clientOptions?: Omit<ScimClientOptions, 'baseUrl' | 'token' | 'timeouts' | 'retry'>;
  log?: Partial<LogLimits>;
}

/**
 * The log keeps every entry compactly (action, status, code, user, target id, diff, request lines and
 * statuses) and the request/response bodies only for non-successes and the first `detailedSuccesses`
 * successes of each cycle. Past `maxEntries` in all, entries are counted in `droppedEntries` but not kept.
 */
export interface LogLimits {
  detailedSuccesses: number;
  maxEntries: number;
  /** Characters of each request/response body kept. */
  maxBodyChars: number;
  /** Entries held in memory; later ones are paged to a temporary file (see log-store.ts). */
  inMemoryEntries?: number;
}

/** One HTTP exchange behind a log entry. Bodies are redacted JSON text, truncated. */
export interface LoggedRequest {
  method: string;
  /** Relative to the Base URL, e.g. `/Users?filter=userName+eq+%22ada%40contoso.com%22`. */
  path: string;
  /** null when no response arrived (timeout, reset, cancelled). */
  status: number | null;
  durationMs: number;
  attempts: number;
  requestBody?: string;
  responseBody?: string;
  /** For network failures: the client's message. */
  error?: string;
}

export interface AttributeDiff {
  attribute: string;
  old: unknown;
  new: unknown;
}

export interface ProvisioningLogEntry {
  id: number;
  cycle: number;
  at: string;
  action: ProvisioningAction;
  status: ProvisioningStatus;
  /** Entra's provisioning-log error or skip code (EntryConflict, TooManyRequests, StagedDelete…); null on success. */
  errorCode: string | null;
  message: string;
  /** The source user. */
  objectId: string;
  userPrincipalName: string;
  /** Jostle's id for the user, once known. */
  targetId: string | null;
  /** For Update and Disable: what changed (or, on failure, would have). */
  diff: AttributeDiff[];
  requests: LoggedRequest[];
  /** false when bodies were left out to bound memory (successes past the detailed sample). */
  detailed: boolean;
}

/** Where a user ended a cycle when no log entry was written. */
export type SilentOutcome = 'Unchanged' | 'NotProcessed';

/** Per cycle, beyond the shared CycleSummary: the numbers that make the counts reconcile. */
export interface CycleReport extends CycleSummary {
  /** Users the cycle had to account for: in scope now, or synced before and now out of scope or deleted. */
  considered: number;
  /** Considered users whose source did not change since the last successful sync: no request sent. */
  unchanged: number;
  /** Considered users left alone: start-small limit, cancellation, quarantine. */
  notProcessed: number;
  notProcessedReasons: { startSmallLimit: number; cancelled: number; quarantined: number };
  /** The first 100 users not processed (UPNs). */
  notProcessedSample: string[];
  /** Out of scope and never provisioned: Entra does not touch them. */
  outOfScope: number;
  /** Deletes + disables this cycle wanted to send; compared against the accidental-deletion threshold. */
  deletionsPlanned: number;
  deletionThresholdExceeded: boolean;
  quarantine: DryRunSummary['quarantine'] | null;
  /** Σ counts + unchanged + notProcessed === considered. */
  reconciled: boolean;
  requestsPerSecond: number;
}

export interface ProvisioningProgress {
  cycle: number;
  kind: 'initial' | 'incremental';
  processed: number;
  total: number;
  counts: CycleSummary['counts'];
  requests: number;
  elapsedMs: number;
  /** null until enough users are done to extrapolate. */
  etaMs: number | null;
  requestsPerSecond: number;
}

export interface CycleRunOptions {
  signal?: AbortSignal;
  /** At most about ten calls a second, plus one at the end. */
  onProgress?: (progress: ProvisioningProgress) => void;
}

/** The state a user ended the latest cycle in, for the UI's per-user view and for tests. */
export interface UserOutcome {
  objectId: string;
  userPrincipalName: string;
  cycle: number;
  outcome: `${ProvisioningAction}:${ProvisioningStatus}` | SilentOutcome;
  targetId: string | null;
}

/** A page request for the dry-run log (log-query.ts). */
export interface LogQuery {
  offset: number;
  limit: number;
  action?: ProvisioningAction | undefined;
  status?: ProvisioningStatus | undefined;
  search?: string | undefined;
}

/** One page of the log. */
export interface LogPage {
  /** Entries kept in all. */
  total: number;
  /** Entries that pass the filters. */
  matching: number;
  /** The matching entries from `offset`, newest first. */
  entries: ProvisioningLogEntry[];
}

export interface DryRunResult {
  summary: DryRunSummary & { cycles: CycleReport[] };
  /** Every kept entry: read back from disk past the in-memory bound, so prefer logSize and queryLog. */
  log: ProvisioningLogEntry[];
  logSize: number;
  /** One page of the log, newest first, filtered (log-query.ts). */
  queryLog(query: LogQuery): LogPage;
  droppedLogEntries: number;
}
