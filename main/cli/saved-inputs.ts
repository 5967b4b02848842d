/**
 * `preview` / `dry-run` without --users: the users, assignments, mapping and scope the app (or
 * `entra pull`) saved in the data folder, read through the same store the app uses. --mapping, --scope and
 * --assignments still override the saved ones.
 */
import { ConfigurationStore } from '../app/configuration';
import { EntraSchemaStore } from '../app/entra-schema-store';
import { defaultDataDir } from '../app/paths';
import { UsageError, type CliIo } from './command';
import { appPathOption, type InputPaths, type LoadedInputs } from './input-options';

export async function loadSavedInputs(
  paths: InputPaths,
  io: CliIo,
  load: (paths: InputPaths, io: CliIo) => Promise<LoadedInputs>,
): Promise<LoadedInputs> {
  const dataDir = defaultDataDir(io.env);
  // --app overrides the path; otherwise the saved mapping is checked as the gallery's (what the app does
  // until the admin picks a path in Plan).
  const appPath = appPathOption(paths.app);
  const store = new ConfigurationStore(dataDir, () => appPath);
  const users = await store.importedUsers();
  if (!users)
    throw new UsageError(
      `--users is required: nothing is imported in ${dataDir} (import users in the assistant, or run \`entra pull\`)`,
    );
  io.stderr(`Using the users saved in ${dataDir}: ${users.fileName} (${users.importedAt})`);
  const [assignments, mapping, scope, schema] = await Promise.all([
    store.importedAssignments(),
    store.mapping(),
    store.scope(),
    new EntraSchemaStore(dataDir).current(),
  ]);
  // Reuse the file-based loader for any overrides, then fill the rest from what was saved.
  const overrides =
    paths.mapping || paths.scope || paths.assignments ? await load({ ...paths, users: [] }, io) : undefined;
  const chosenAssignments = paths.assignments ? overrides?.assignments : assignments?.assignments;
  const chosenScope = paths.scope ? overrides!.scope : scope.config;
  if (chosenScope.scope === 'assignedOnly' && !chosenAssignments)
    throw new UsageError(
      'The saved scope is "Sync only assigned users and groups" but no assignments are saved: give --assignments',
    );
  return {
    users: users.users,
    assignments: chosenAssignments,
    scope: chosenScope,
    mapping: paths.mapping ? overrides!.mapping : mapping.config,
    appPath,
    entraSchema: schema
      ? { fileName: schema.fileName, targetObjectActions: schema.imported.targetObjectActions }
      : null,
  };
}
