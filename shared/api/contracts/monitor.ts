/**
 * The Monitor step's provisioning-log analysis: a downloaded log (or the logs read from Microsoft Graph) is
 * read and summarised in main, kept beside the other imported data, and included in the support export.
 * A file that cannot be read changes nothing: the previous analysis stays.
 */
import { z } from 'zod';
import { PROVISIONING_ACTIONS, PROVISIONING_STATUSES } from '../../provisioning-logs/model';
import { empty } from './app';
import { fileSchema } from './source-data';

const actionSchema = z.enum(PROVISIONING_ACTIONS);
const statusSchema = z.enum(PROVISIONING_STATUSES);
const count = z.number().int().nonnegative();

const sampleSchema = z
  .object({
    at: z.string(),
    status: statusSchema,
    action: actionSchema,
    sourceId: z.string().optional(),
    sourceName: z.string().optional(),
    targetId: z.string().optional(),
    reason: z.string().optional(),
    cycleId: z.string().optional(),
    changeId: z.string().optional(),
  })
  .strict();

const helpSchema = z
  .object({
    code: z.string(),
    title: z.string(),
    likelyCause: z.string(),
    fix: z.string(),
    category: z.enum([
      'credentials',
      'permissions',
      'conflict',
      'matching',
      'throttling',
      'target-unavailable',
      'scim-compatibility',
      'rejected-value',
      'attribute-mapping',
      'quarantine',
      'entra-service',
      'skipped',
      'unknown',
    ]),
    retriedAutomatically: z.boolean(),
    quarantineSignal: z.boolean(),
    known: z.boolean(),
    matchedBy: z.enum(['code', 'alias', 'http-status', 'pattern', 'fallback']),
  })
  .strict();

/** shared/provisioning-logs `ProvisioningLogSummary`, checked field by field. */
export const provisioningLogSummarySchema = z
  .object({
    total: count,
    byAction: z.record(actionSchema, count),
    byStatus: z.record(statusSchema, count),
    errors: z.array(
      z
        .object({
          code: z.string().nullable(),
          count,
          firstAt: z.string(),
          lastAt: z.string(),
          samples: z.array(sampleSchema),
          help: helpSchema,
        })
        .strict(),
    ),
    skippedByCode: z.record(z.string(), count),
    timeRange: z.object({ from: z.string(), to: z.string() }).strict().optional(),
    cycles: z.array(
      z
        .object({
          cycleId: z.string(),
          jobId: z.string().optional(),
          from: z.string(),
          to: z.string(),
          events: count,
          failures: count,
        })
        .strict(),
    ),
    jobIds: z.array(z.string()),
    stagedDeletes: count,
    quarantine: z
      .object({
        likely: z.boolean(),
        signals: z.array(
          z
            .object({
              kind: z.enum([
                'quarantine-reason',
                'credentials',
                'scim-compatibility',
                'failure-proportion',
                'throttling',
                'staged-deletes',
              ]),
              severity: z.enum(['high', 'watch']),
              count,
              codes: z.array(z.string()),
              message: z.string(),
            })
            .strict(),
        ),
        failureProportion: z.object({ failures: count, attempted: count, ratio: z.number() }).strict(),
      })
      .strict(),
  })
  .strict();

export const monitorAnalysisSchema = z
  .object({
    fileName: z.string(),
    importedAt: z.string(),
    /** Where the events came from: a downloaded file or Microsoft Graph (Tools > Entra). */
    source: z.enum(['file', 'graph']),
    summary: provisioningLogSummarySchema,
    /** What the admin should know that did not stop the import (a truncated Graph read, skipped lines). */
    warnings: z.array(z.string()),
  })
  .strict();

export const monitorStateSchema = z.object({ analysis: monitorAnalysisSchema.nullable() }).strict();

export const monitorContract = {
  getMonitorAnalysis: { request: empty, response: monitorStateSchema },
  /**
   * Reads a provisioning-log download (CSV or JSON, as text or by path) or, with `source: 'graph'`, the pulled
   * job's logs from Microsoft Graph, and keeps the analysis. A file that is not a provisioning log is refused
   * with the file's problem and the previous analysis stays.
   */
  importProvisioningLog: {
    request: z.union([
      z.object({ source: z.literal('file'), file: fileSchema }).strict(),
      z.object({ source: z.literal('graph') }).strict(),
    ]),
    response: monitorStateSchema,
  },
  clearMonitorAnalysis: { request: empty, response: monitorStateSchema },
} as const;
