/**
 * Schema of {@link DryRunSummary}: validates the API answer and reads the saved file. The file may come
 * from an older or newer version, so unknown fields are tolerated and a mismatch reads as "no dry run".
 */
import { z } from 'zod';
import { provisioningActions, provisioningStatuses, type DryRunSummary } from './summary';

const countsByStatus = z.object(
  Object.fromEntries(provisioningStatuses.map((status) => [status, z.number()])) as Record<
    (typeof provisioningStatuses)[number],
    z.ZodNumber
  >,
);
const counts = z.object(
  Object.fromEntries(provisioningActions.map((action) => [action, countsByStatus])) as Record<
    (typeof provisioningActions)[number],
    typeof countsByStatus
  >,
);

const quarantineSchema = z.object({
  quarantined: z.boolean(),
  reason: z.string().nullable(),
  explanation: z.string(),
});

export const dryRunSummarySchema = z.object({
  startedAt: z.string(),
  finishedAt: z.string(),
  target: z.enum(['mock', 'live']),
  targetHost: z.string().nullable(),
  patchDialect: z.enum(['default', 'aadOptscim062020']),
  cycles: z.array(
    z.object({
      cycle: z.number(),
      kind: z.enum(['initial', 'incremental']),
      startedAt: z.string(),
      durationMs: z.number(),
      counts,
      requests: z.number(),
      inScope: z.number(),
      cancelled: z.boolean(),
      earlyWarning: z.string().nullable().optional(),
      quarantine: quarantineSchema.nullable().optional(),
    }),
  ),
  firstErrors: z.array(
    z.object({
      cycle: z.number(),
      user: z.string(),
      action: z.enum(provisioningActions),
      errorCode: z.string(),
      message: z.string(),
    }),
  ),
  quarantine: quarantineSchema,
  estimate: z.object({
    objectsInScope: z.number(),
    minMinutes: z.number(),
    maxMinutes: z.number(),
    formula: z.enum(['syncAssigned', 'none']).optional(),
    unmatchedAssignments: z.number().int().min(0).optional(),
  }),
  settings: z
    .object({
      skipOutOfScopeDeletions: z.boolean(),
      targetObjectActions: z.object({ create: z.boolean(), update: z.boolean(), delete: z.boolean() }),
      deletionThreshold: z.number().nullable(),
    })
    .optional(),
}) satisfies z.ZodType<DryRunSummary>;
