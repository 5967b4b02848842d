/**
 * Handlers for the synchronization schema: import (the one place that turns a schema into the saved mapping
 * and scope, used by the UI, the CLI and Graph), the tested-vs-Entra comparison, and the export.
 */
import {
  compareFilters,
  compareMappings,
  exportSynchronizationSchema,
  importSynchronizationSchema,
  SchemaExportError,
  type SchemaExportResult,
} from '../../shared/entra-schema';
import { ApiError } from '../../shared/api/errors';
import type { ApiResponse } from '../../shared/api/contract';
import type { ScopeConfig } from '../../shared/scoping';
import type { AppContext } from '../app/context';
import { EntraSchemaStore, type StoredEntraSchema } from '../app/entra-schema-store';
import type { HandlerTable } from './handler-table';

type Channels = 'getEntraSchema' | 'importEntraSchema' | 'exportEntraSchema' | 'clearEntraSchema';
type EntraSchemaState = ApiResponse<'getEntraSchema'>;

export function summarize(stored: StoredEntraSchema) {
  const { imported } = stored;
  return {
    fileName: stored.fileName,
    importedAt: stored.importedAt,
    ruleName: imported.ruleName,
    objectMappingName: imported.objectMappingName,
    mappingCount: imported.mapping.mappings.length,
    filterCount: imported.filters.length,
    clauseCount: imported.filters.reduce((sum, filter) => sum + filter.clauses.length, 0),
    targetObjectActions: imported.targetObjectActions,
    enabled: imported.enabled,
    notes: imported.notes,
  };
}

/** What the UI, the CLI and the support export show: the import and the comparison with the saved config. */
export async function entraSchemaState(context: AppContext): Promise<EntraSchemaState> {
  const stored = await new EntraSchemaStore(context.dataDir).current();
  if (!stored) return { imported: null, entraMappings: null, entraFilters: null, mappings: [], clauses: [] };
  const [mapping, scope] = await Promise.all([
    context.configuration.mapping(),
    context.configuration.scope(),
  ]);
  return {
    imported: summarize(stored),
    entraMappings: stored.imported.mapping.mappings,
    entraFilters: stored.imported.filters,
    mappings: compareMappings(mapping.config.mappings, stored.imported.mapping.mappings),
    clauses: compareFilters(scope.config.filters, stored.imported.filters),
  };
}

/** The tested configuration as schema JSON text, merged into the imported schema when there is one. */
export async function exportEntraSchemaText(context: AppContext) {
  const stored = await new EntraSchemaStore(context.dataDir).current();
  const [mapping, scope] = await Promise.all([
    context.configuration.mapping(),
    context.configuration.scope(),
  ]);
  let result: SchemaExportResult;
  try {
    result = exportSynchronizationSchema({
      mapping: mapping.config,
      filters: scope.config.filters,
      base: stored?.imported ?? null,
    });
  } catch (error) {
    if (error instanceof SchemaExportError) throw new ApiError('invalid-request', error.message);
    throw error;
  }
  const content = JSON.stringify(result.kind === 'merged' ? result.schema : result.objectMapping, null, 2);
  const fileName =
    result.kind === 'merged' ? 'jostle-synchronization-schema.json' : 'jostle-user-object-mapping.json';
  return { kind: result.kind, fileName, content };
}

/**
 * Imports a schema (text, or JSON already parsed, e.g. from Graph) as the app does: on success the saved
 * mapping and scoping filters become the schema's and the schema is stored; on refusal nothing changes.
 */
export async function importEntraSchemaInto(context: AppContext, input: unknown, fileName?: string) {
  const result = importSynchronizationSchema(input);
  if (!result.ok) {
    context.logger.log('info', 'entra schema refused', { code: result.error.code });
    return { ok: false as const, code: result.error.code, message: result.error.message };
  }
  const { imported } = result;
  const current = await context.configuration.scope();
  // The schema holds the filters, not Settings > Scope (assigned only / all users): that choice stays.
  const scope: ScopeConfig = { version: 1, scope: current.config.scope, filters: imported.filters };
  await context.configuration.saveMapping(imported.mapping);
  await context.configuration.saveScope(scope);
  await new EntraSchemaStore(context.dataDir).save(fileName?.trim() || 'pasted schema', imported);
  context.preview.invalidate();
  context.logger.log('info', 'entra schema imported', {
    mappings: imported.mapping.mappings.length,
    filters: imported.filters.length,
    notes: imported.notes.length,
  });
  return { ok: true as const, state: await entraSchemaState(context), scope };
}

export function entraSchemaHandlers(context: AppContext): Pick<HandlerTable, Channels> {
  const store = new EntraSchemaStore(context.dataDir);
  return {
    getEntraSchema: () => entraSchemaState(context),
    importEntraSchema: ({ text, fileName }) => importEntraSchemaInto(context, text, fileName),
    exportEntraSchema: () => exportEntraSchemaText(context),
    clearEntraSchema: async () => {
      await store.clear();
      return entraSchemaState(context);
    },
  };
}
