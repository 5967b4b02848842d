/**
 * Entra's synchronization schema in and out (shared/entra-schema): import one (pasted or from a file, or
 * fetched from Graph), compare what was tested here with what Entra has, export the tested configuration.
 */
import { z } from 'zod';
import { attributeMappingSchema } from '../../mapping/model';
import { scopeConfigSchema, scopingFilterSchema } from '../../scoping/model';
import { empty } from './app';

const comparisonStatusSchema = z.enum(['same', 'changed', 'only-here', 'only-in-entra']);

const noteSchema = z.object({ where: z.string(), message: z.string() }).strict();

export const importedSchemaSummarySchema = z
  .object({
    fileName: z.string(),
    importedAt: z.string(),
    ruleName: z.string(),
    objectMappingName: z.string(),
    mappingCount: z.number().int(),
    filterCount: z.number().int(),
    clauseCount: z.number().int(),
    targetObjectActions: z.object({ create: z.boolean(), update: z.boolean(), delete: z.boolean() }).strict(),
    enabled: z.boolean(),
    /** What could not be represented: kept in the schema on export, listed here. */
    notes: z.array(noteSchema),
  })
  .strict();

export const entraSchemaStateSchema = z
  .object({
    imported: importedSchemaSummarySchema.nullable(),
    /** The user mappings Entra has (from the imported schema): the baseline "gallery default" diffs use. */
    entraMappings: z.array(attributeMappingSchema).nullable(),
    /** The scoping filters Entra has (from the imported schema), in the portal's order. */
    entraFilters: z.array(scopingFilterSchema).nullable(),
    /** Tested here vs the imported schema, per target attribute; empty without an import. */
    mappings: z.array(
      z
        .object({
          target: z.string(),
          status: comparisonStatusSchema,
          tested: z.string().nullable(),
          entra: z.string().nullable(),
        })
        .strict(),
    ),
    /** Tested here vs the imported schema, per scoping clause (filter and clause numbers are 0-based). */
    clauses: z.array(
      z
        .object({
          filterIndex: z.number().int(),
          clauseIndex: z.number().int(),
          status: comparisonStatusSchema,
          tested: z.string().nullable(),
          entra: z.string().nullable(),
        })
        .strict(),
    ),
  })
  .strict();

export const entraSchemaContract = {
  getEntraSchema: { request: empty, response: entraSchemaStateSchema },
  /**
   * Replaces the saved mapping and scoping filters with the schema's (the scope mode, which the schema does
   * not hold, is kept). A schema that is not the Jostle app's comes back as `ok: false` and changes nothing.
   */
  importEntraSchema: {
    request: z
      .object({
        text: z.string().max(20_000_000),
        fileName: z.string().max(260).optional(),
      })
      .strict(),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), state: entraSchemaStateSchema, scope: scopeConfigSchema }).strict(),
      z.object({ ok: z.literal(false), code: z.string(), message: z.string() }).strict(),
    ]),
  },
  /** The tested mapping and filters as schema JSON: merged into the imported schema, or a fresh object mapping. */
  exportEntraSchema: {
    request: empty,
    response: z
      .object({
        kind: z.enum(['merged', 'object-mapping']),
        fileName: z.string(),
        content: z.string(),
      })
      .strict(),
  },
  /** Forgets the imported schema; the saved mapping and scope stay as they are. */
  clearEntraSchema: { request: empty, response: entraSchemaStateSchema },
} as const;
