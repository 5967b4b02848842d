/**
 * Handlers for the synchronization schema: import (the one place that turns a schema into the saved mapping
 * and scope, used by the UI, the CLI and Graph), the tested-vs-Entra comparison, and the export.
 */
import {
  compareFilters,
  compareMappings,
  exportSynchronizationSchema,
  importSynchronizationSchema,
} from '../../shared/entra-schema';
import type { ApiResponse } from '../../shared/api/contract';
import type { ScopeConfig } from '../../shared/scoping';
import type { AppContext } from '../app/context';
import { EntraSchemaStore, type StoredEntraSchema } from '../app/entra-schema-store';
import type { HandlerTable } from './handlers';

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
  const result = exportSynchronizationSchema({
    mapping: mapping.config,
    filters: scope.config.filters,
    base: stored?.imported ?? null,
  });
  const content = JSON.stringify(result.kind === 'merged' ? result.schema : result.objectMapping, null, 2);
  const fileName =
    result.kind === 'merged' ? 'jostle-synchronization-schema.json' : 'jostle-user-object-mapping.json';
  return { kind: result.kind, fileName, content };
}

export function entraSchemaHandlers(context: AppContext): Pick<HandlerTable, Channels> {
  const store = new EntraSchemaStore(context.dataDir);
  return {
    getEntraSchema: () => entraSchemaState(context),
    importEntraSchema: async ({ text, fileName }) => {
      const result = importSynchronizationSchema(text);
      if (!result.ok) {
        context.logger.log('info', 'entra schema refused', { code: result.error.code });
        return { ok: false, code: result.error.code, message: result.error.message };
      }
      const { imported } = result;
      const current = await context.configuration.scope();
      // The schema holds the filters, not Settings > Scope (assigned only / all users): that choice stays.
      const scope: ScopeConfig = { version: 1, scope: current.config.scope, filters: imported.filters };
      await context.configuration.saveMapping(imported.mapping);
      await context.configuration.saveScope(scope);
      await store.save(fileName?.trim() || 'pasted schema', imported);
      context.preview.invalidate();
      context.logger.log('info', 'entra schema imported', {
        mappings: imported.mapping.mappings.length,
        filters: imported.filters.length,
        notes: imported.notes.length,
      });
      return { ok: true, state: await entraSchemaState(context), scope };
    },
    exportEntraSchema: () => exportEntraSchemaText(context),
    clearEntraSchema: async () => {
      await store.clear();
      return entraSchemaState(context);
    },
  };
}
