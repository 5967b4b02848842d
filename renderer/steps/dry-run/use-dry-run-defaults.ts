/**
 * Where the Dry run step's Entra settings start: shared/provisioning/dry-run-defaults (the CLI calls the
 * same function), fed with the setup path, the saved Base URL (the Tenant URL the admin pastes in Entra)
 * and the imported Entra schema's Target Object Actions.
 */
import { dryRunDefaults, type DryRunDefaults } from '../../../shared/provisioning/dry-run-defaults';
import { useAssistant } from '../../state/assistant-state';
import { useAppPath } from '../../state/app-path';
import { useEntraSchema } from '../mappings/use-entra-schema';

export function useDryRunDefaults(): DryRunDefaults {
  const { appPath } = useAppPath();
  const { connection } = useAssistant();
  const imported = useEntraSchema().state?.imported ?? null;
  return dryRunDefaults({
    appPath,
    tenantUrl: connection?.baseUrl ?? null,
    entraSchema: imported
      ? { fileName: imported.fileName, targetObjectActions: imported.targetObjectActions }
      : null,
  });
}
