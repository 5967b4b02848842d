/**
 * `exportSynchronizationSchema`: the tested mapping and scoping filters as schema JSON.
 *
 * Merged into an imported schema, only the Jostle user mapping's attributeMappings and scope.groups are
 * rewritten, and within them every entry whose meaning is unchanged is copied as it was; directories, other
 * rules, metadata and unknown properties stay as they came. Without an imported schema, a fresh object
 * mapping is produced for the portal's schema editor.
 */
import { sameMapping } from '../mapping/gallery-diff';
import type { AttributeMapping, MappingConfig } from '../mapping/model';
import type { ScopingFilter } from '../scoping/model';
import { exportAttributeMapping, exportClause, importAttributeMapping, importClause } from './convert';
import type {
  GraphAttributeMapping,
  GraphFilterGroup,
  GraphObjectMapping,
  GraphSynchronizationSchema,
} from './graph-shapes';
import type { ImportedSchema } from './import';
import { ExpressionSyntaxError } from '../expressions';

/** A mapping that cannot be written as a schema tree (a syntax error): the export stops and says which. */
export class SchemaExportError extends Error {
  override name = 'SchemaExportError';
}

export interface SchemaExportInput {
  mapping: MappingConfig;
  filters: readonly ScopingFilter[];
  /** The imported schema to merge into; absent for a fresh object mapping. */
  base?: Pick<ImportedSchema, 'schema' | 'location'> | null;
}

export type SchemaExportResult =
  | { kind: 'merged'; schema: GraphSynchronizationSchema }
  | { kind: 'object-mapping'; objectMapping: GraphObjectMapping };

const sameTarget = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function attributeMappings(
  mappings: readonly AttributeMapping[],
  base: readonly GraphAttributeMapping[],
): GraphAttributeMapping[] {
  return mappings.map((mapping) => {
    const original = base.find((candidate) => sameTarget(candidate.targetAttributeName, mapping.target));
    if (original && sameMapping(importAttributeMapping(original).mapping, mapping)) return original;
    try {
      return exportAttributeMapping(mapping, original);
    } catch (error) {
      if (!(error instanceof ExpressionSyntaxError)) throw error;
      throw new SchemaExportError(
        `The mapping to ${mapping.target} has an expression Entra would refuse (${error.message}); fix it on the Attribute mappings step, then export again.`,
      );
    }
  });
}

const sameFilter = (a: ScopingFilter, b: ScopingFilter) => JSON.stringify(a) === JSON.stringify(b);

function filterGroups(
  filters: readonly ScopingFilter[],
  base: readonly GraphFilterGroup[],
): GraphFilterGroup[] {
  return filters.map((filter, index) => {
    const original = base[index];
    if (original) {
      const clauses = original.clauses.flatMap((clause) => importClause(clause, '').clause ?? []);
      if (sameFilter({ title: original.name ?? '', clauses }, filter)) return original;
    }
    return { ...original, name: filter.title, clauses: filter.clauses.map(exportClause) };
  });
}

function scopeOf(
  filters: readonly ScopingFilter[],
  base: GraphObjectMapping['scope'],
): GraphObjectMapping['scope'] {
  if (filters.length === 0 && !base?.groups?.length) return base ?? null;
  return { ...base, groups: filterGroups(filters, base?.groups ?? []) };
}

/** A fresh user mapping in Graph's shape, with the defaults Graph's objectMapping example shows. */
function freshObjectMapping(mapping: MappingConfig, filters: readonly ScopingFilter[]): GraphObjectMapping {
  return {
    attributeMappings: attributeMappings(mapping.mappings, []),
    enabled: true,
    flowTypes: 'Add, Update, Delete',
    name: 'Provision Microsoft Entra ID Users',
    scope: filters.length ? { groups: filterGroups(filters, []) } : null,
    sourceObjectName: 'User',
    targetObjectName: 'User',
  };
}

export function exportSynchronizationSchema(input: SchemaExportInput): SchemaExportResult {
  const { mapping, filters, base } = input;
  if (!base) return { kind: 'object-mapping', objectMapping: freshObjectMapping(mapping, filters) };
  const { ruleIndex, objectMappingIndex } = base.location;
  const schema = structuredClone(base.schema);
  const rule = schema.synchronizationRules[ruleIndex];
  const objectMapping = rule?.objectMappings?.[objectMappingIndex];
  if (!rule?.objectMappings || !objectMapping)
    throw new Error('The imported schema no longer has its user mapping.');
  rule.objectMappings[objectMappingIndex] = {
    ...objectMapping,
    attributeMappings: attributeMappings(mapping.mappings, objectMapping.attributeMappings),
    scope: scopeOf(filters, objectMapping.scope),
  };
  return { kind: 'merged', schema };
}

/** Deep equality that ignores key order: "the same document" for the round-trip promise. */
export function schemasEquivalent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, index) => schemasEquivalent(item, other[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length &&
    keys.every((key) => key in right && schemasEquivalent(left[key], right[key]))
  );
}
