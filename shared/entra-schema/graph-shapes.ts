/**
 * Microsoft Graph's synchronizationSchema, as far as the assistant reads it (Graph v1.0 resource pages:
 * synchronization-synchronizationschema, -synchronizationrule, -objectmapping, -attributemapping,
 * -attributemappingsource, -filter, -filtergroup, -filterclause, -filteroperand).
 *
 * Every object is "loose": properties we do not model pass through untouched, because an export merged into
 * the admin's schema must keep them. Fields are optional or nullable where Graph's own examples leave them
 * out or send null (e.g. `source: null` for a None mapping, `scope: null` without scoping filters).
 */
import { z } from 'zod';

export interface MappingSourceTree {
  type?: string;
  name?: string | null;
  expression?: string | null;
  parameters?: { key?: string | null; value: MappingSourceTree }[] | null;
  [unknown: string]: unknown;
}

/** attributeMappingSource: `type` Attribute (default), Constant or Function; `parameters` only for Function. */
export const mappingSourceSchema: z.ZodType<MappingSourceTree> = z.lazy(() =>
  z.looseObject({
    type: z.string().optional(),
    name: z.string().nullable().optional(),
    expression: z.string().nullable().optional(),
    parameters: z
      .array(z.looseObject({ key: z.string().nullable().optional(), value: mappingSourceSchema }))
      .nullable()
      .optional(),
  }),
);

export const graphAttributeMappingSchema = z.looseObject({
  targetAttributeName: z.string().min(1),
  source: mappingSourceSchema.nullable().optional(),
  defaultValue: z.string().nullable().optional(),
  /** Always (default), ObjectAddOnly, MultiValueAddOnly, ValueAddOnly, AttributeAddOnly. */
  flowType: z.string().nullable().optional(),
  /** FlowWhenChanged (default) or FlowAlways. */
  flowBehavior: z.string().nullable().optional(),
  /** 0 = not used for matching; 1 is tried first. */
  matchingPriority: z.number().int().nullable().optional(),
  exportMissingReferences: z.boolean().nullable().optional(),
});

export const graphFilterClauseSchema = z.looseObject({
  operatorName: z.string().min(1),
  sourceOperandName: z.string().min(1),
  targetOperand: z
    .looseObject({ values: z.array(z.string()).nullable().optional() })
    .nullable()
    .optional(),
});

export const graphFilterGroupSchema = z.looseObject({
  name: z.string().nullable().optional(),
  clauses: z.array(graphFilterClauseSchema),
});

export const graphFilterSchema = z.looseObject({
  groups: z.array(graphFilterGroupSchema).nullable().optional(),
  inputFilterGroups: z.array(graphFilterGroupSchema).nullable().optional(),
  categoryFilterGroups: z.array(graphFilterGroupSchema).nullable().optional(),
});

export const graphObjectMappingSchema = z.looseObject({
  name: z.string().nullable().optional(),
  enabled: z.boolean().nullable().optional(),
  /** "Add, Update, Delete" by default: the portal's Target Object Actions. */
  flowTypes: z.string().nullable().optional(),
  sourceObjectName: z.string().nullable().optional(),
  targetObjectName: z.string().nullable().optional(),
  attributeMappings: z.array(graphAttributeMappingSchema),
  scope: graphFilterSchema.nullable().optional(),
});

export const graphSynchronizationRuleSchema = z.looseObject({
  id: z.string().nullable().optional(),
  name: z.string().nullable().optional(),
  sourceDirectoryName: z.string().nullable().optional(),
  targetDirectoryName: z.string().nullable().optional(),
  objectMappings: z.array(graphObjectMappingSchema).nullable().optional(),
});

export const graphSynchronizationSchemaSchema = z.looseObject({
  directories: z
    .array(z.looseObject({ name: z.string().nullable().optional() }))
    .nullable()
    .optional(),
  synchronizationRules: z.array(graphSynchronizationRuleSchema),
  version: z.string().nullable().optional(),
});

export type GraphAttributeMapping = z.infer<typeof graphAttributeMappingSchema>;
export type GraphFilterClause = z.infer<typeof graphFilterClauseSchema>;
export type GraphFilterGroup = z.infer<typeof graphFilterGroupSchema>;
export type GraphObjectMapping = z.infer<typeof graphObjectMappingSchema>;
export type GraphSynchronizationRule = z.infer<typeof graphSynchronizationRuleSchema>;
export type GraphSynchronizationSchema = z.infer<typeof graphSynchronizationSchemaSchema>;
