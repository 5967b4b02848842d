import { z } from 'zod';
import { mappingConfigSchema } from '../../mapping/model';
import { scopeConfigSchema } from '../../scoping/model';
import { empty } from './app';

export const mappingProblemSchema = z
  .object({
    severity: z.enum(['error', 'warning']),
    message: z.string(),
    mappingIndex: z.number().int().optional(),
    position: z.number().int().optional(),
    length: z.number().int().optional(),
  })
  .strict();

export const scopeProblemSchema = z
  .object({
    severity: z.enum(['error', 'warning']),
    message: z.string(),
    filterIndex: z.number().int().optional(),
    clauseIndex: z.number().int().optional(),
  })
  .strict();

export const mappingStateSchema = z
  .object({ config: mappingConfigSchema, saved: z.boolean(), problems: z.array(mappingProblemSchema) })
  .strict();

export const scopeStateSchema = z
  .object({ config: scopeConfigSchema, saved: z.boolean(), problems: z.array(scopeProblemSchema) })
  .strict();

const previewRowSchema = z
  .object({
    objectId: z.string(),
    userPrincipalName: z.string(),
    displayName: z.string().nullable(),
    inScope: z.boolean(),
    decidedBy: z.string(),
    activeInSource: z.boolean(),
    failures: z.array(z.string()),
    /** Guest UPN rewriting, fixed clock/seed values and assumptions behind the body (shared/mapping/preview). */
    notes: z.array(z.string()),
  })
  .strict();

export const previewSummarySchema = z
  .object({
    total: z.number().int(),
    inScope: z.number().int(),
    outOfScope: z.number().int(),
    inScopeButDisabled: z.number().int(),
    withMappingFailures: z.number().int(),
    /** In scope, enabled and mapping cleanly: whom a first cycle would create. */
    wouldCreate: z.number().int(),
    unresolvedAssignments: z.array(z.string()),
    startSmall: z.array(z.string()),
  })
  .strict();

export const mappingContract = {
  getMapping: { request: empty, response: mappingStateSchema },
  /** Saved even with problems, so work in progress is never lost; the problems come back with it. */
  saveMapping: { request: z.object({ config: mappingConfigSchema }).strict(), response: mappingStateSchema },
  resetMapping: { request: empty, response: mappingStateSchema },
  getScope: { request: empty, response: scopeStateSchema },
  saveScope: { request: z.object({ config: scopeConfigSchema }).strict(), response: scopeStateSchema },
  resetScope: { request: empty, response: scopeStateSchema },
  getPreview: {
    request: z
      .object({
        show: z.enum(['all', 'in-scope', 'out-of-scope', 'failures']),
        search: z.string().max(256).optional(),
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(500),
      })
      .strict(),
    response: z
      .object({
        summary: previewSummarySchema.nullable(),
        matching: z.number().int(),
        rows: z.array(previewRowSchema),
      })
      .strict(),
  },
  /** One user in full: the scope decision clause by clause and the exact SCIM body Entra would POST. */
  getUserPreview: {
    request: z.object({ objectId: z.string().min(1).max(256) }).strict(),
    response: z
      .object({
        row: previewRowSchema,
        clauses: z.array(
          z
            .object({
              clause: z.string(),
              result: z.boolean(),
              /** The attribute the clause reads and this user's value of it (null when empty). */
              attribute: z.string(),
              value: z.string().nullable(),
            })
            .strict(),
        ),
        viaGroups: z.array(z.string()),
        payload: z.record(z.string(), z.unknown()).nullable(),
      })
      .strict(),
  },
} as const;
