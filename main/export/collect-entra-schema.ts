/** The export's view of the imported Entra schema: tested here vs what Entra has, and what was not imported. */
import { entraSchemaState } from '../api/entra-schema-handlers';
import type { AppContext } from '../app/context';
import type { EntraSchemaSection } from './model';

export async function collectEntraSchema(context: AppContext): Promise<EntraSchemaSection | null> {
  const state = await entraSchemaState(context);
  const { imported } = state;
  if (!imported) return null;
  return {
    fileName: imported.fileName,
    importedAt: imported.importedAt,
    ruleName: imported.ruleName,
    objectMappingName: imported.objectMappingName,
    targetObjectActions: imported.targetObjectActions,
    notes: imported.notes,
    mappings: state.mappings,
    clauses: state.clauses.map(({ filterIndex, clauseIndex, status, tested, entra }) => ({
      filter: filterIndex + 1,
      clause: clauseIndex + 1,
      status,
      tested,
      entra,
    })),
  };
}
