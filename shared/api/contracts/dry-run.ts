import { z } from 'zod';
import { provisioningActions, provisioningStatuses } from '../../provisioning/summary';
import { dryRunSummarySchema } from '../../provisioning/summary-schema';
import { empty } from './app';
import { probeTargetSchema } from './probes';

const countsSchema = dryRunSummarySchema.shape.cycles.element.shape.counts;

export const dryRunProgressSchema = z
  .object({
    cycle: z.number().int(),
    kind: z.enum(['initial', 'incremental']),
    processed: z.number().int(),
    total: z.number().int(),
    counts: countsSchema,
    requests: z.number().int(),
    elapsedMs: z.number(),
    etaMs: z.number().nullable(),
    requestsPerSecond: z.number(),
  })
  .strict();

export const dryRunStatusSchema = z
  .object({
    running: z.boolean(),
    /** Cycles run against the current target since the last fresh start; the next one is incremental. */
    cyclesRun: z.number().int(),
    target: probeTargetSchema.nullable(),
    progress: dryRunProgressSchema.nullable(),
    summary: dryRunSummarySchema.nullable(),
    /** Why the last run could not start or stopped early, in the admin's terms. */
    problem: z.string().nullable(),
    /**
     * True when `summary` is the saved one of an earlier session (the assistant restarted since): shown as
     * history, with no log and no next cycle, so "Needs attention" still says why.
     */
    fromEarlierSession: z.boolean().optional(),
  })
  .strict();

const loggedRequestSchema = z
  .object({
    method: z.string(),
    path: z.string(),
    status: z.number().int().nullable(),
    durationMs: z.number(),
    attempts: z.number().int(),
    requestBody: z.string().optional(),
    responseBody: z.string().optional(),
    error: z.string().optional(),
  })
  .strict();

export const dryRunLogEntrySchema = z
  .object({
    id: z.number().int(),
    cycle: z.number().int(),
    at: z.string(),
    action: z.enum(provisioningActions),
    status: z.enum(provisioningStatuses),
    errorCode: z.string().nullable(),
    message: z.string(),
    objectId: z.string(),
    userPrincipalName: z.string(),
    targetId: z.string().nullable(),
    diff: z.array(z.object({ attribute: z.string(), old: z.unknown(), new: z.unknown() }).strict()),
    requests: z.array(loggedRequestSchema),
    detailed: z.boolean(),
  })
  .strict();

export const dryRunContract = {
  getDryRunStatus: { request: empty, response: dryRunStatusSchema },
  startDryRun: {
    request: z
      .object({
        target: probeTargetSchema,
        patchDialect: z.enum(['default', 'aadOptscim062020']),
        /** Forget earlier cycles (and, on the mock, its users) and run an initial cycle. */
        fresh: z.boolean(),
        /** "Start small": the most users this run may touch. Required against the live tenant. */
        maxUsers: z.number().int().min(1).max(100_000).optional(),
        /** For the live tenant: its host name, typed by the admin. */
        confirmHost: z.string().max(253).optional(),
        /** Entra job settings, applied from a fresh start (Entra's defaults when left out). */
        skipOutOfScopeDeletions: z.boolean().optional(),
        targetObjectActions: z
          .object({ create: z.boolean(), update: z.boolean(), delete: z.boolean() })
          .strict()
          .optional(),
        /** Accidental-deletion prevention threshold; left out or null = off. */
        deletionThreshold: z.number().int().min(1).max(10_000_000).nullable().optional(),
        /** Users missing from this import whom the admin says were permanently deleted (object ids or UPNs). */
        permanentlyDeleted: z.array(z.string().trim().min(1).max(1024)).max(100_000).optional(),
        /** Simulated days since the previous cycle (default: one 40-minute interval). */
        daysSincePreviousCycle: z.number().min(0).max(3650).optional(),
        /** Entra's "Restart provisioning" before this cycle: forget cached ids and escrow; Jostle keeps its users. */
        restart: z.boolean().optional(),
      })
      .strict(),
    response: dryRunStatusSchema,
  },
  cancelDryRun: { request: empty, response: dryRunStatusSchema },
  /**
   * The log as a Graph provisioningObjectSummary page (JSON text), for the Monitor step's import: the newest
   * `events` of `totalEvents` (at most GRAPH_LOG_EXPORT_LIMIT, so a 500,000-user log stays a file one can open).
   */
  getDryRunGraphLog: {
    request: empty,
    response: z
      .object({
        fileName: z.string(),
        text: z.string(),
        events: z.number().int(),
        totalEvents: z.number().int(),
      })
      .strict(),
  },
  getDryRunLog: {
    request: z
      .object({
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(500),
        action: z.enum(provisioningActions).optional(),
        status: z.enum(provisioningStatuses).optional(),
        search: z.string().max(256).optional(),
      })
      .strict(),
    response: z
      .object({
        total: z.number().int(),
        matching: z.number().int(),
        entries: z.array(dryRunLogEntrySchema),
        dropped: z.number().int(),
      })
      .strict(),
  },
} as const;
