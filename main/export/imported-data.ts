/**
 * The imported users and assignments (main/app/data-files). Personal data: the export carries their counts,
 * and the records themselves only when the admin opts in.
 */
import type { z } from 'zod';
import { dataFiles } from '../app/data-files';
import { assignmentsImportSchema, userImportSchema } from './imported-data-schema';
import { MAX_EXPORTED_USERS, type ImportedDataSection } from './model';
import { readJsonFile } from './read-json-file';

async function readImport<T>(file: string, schema: z.ZodType<T>): Promise<T | null> {
  const json = await readJsonFile(file);
  if (json.state !== 'read') return null;
  const parsed = schema.safeParse(json.value);
  return parsed.success ? parsed.data : null;
}

export async function collectImportedData(
  dataDir: string,
  includeUserData: boolean,
): Promise<ImportedDataSection> {
  const users = await readImport(dataFiles.importedUsers(dataDir), userImportSchema);
  const assignments = await readImport(dataFiles.importedAssignments(dataDir), assignmentsImportSchema);
  return {
    userDataIncluded: includeUserData,
    users: users && {
      fileName: users.fileName ?? null,
      importedAt: users.importedAt ?? null,
      count: users.users.length,
      ...(includeUserData ? { list: users.users.slice(0, MAX_EXPORTED_USERS) } : {}),
    },
    assignments: assignments && {
      fileName: assignments.fileName ?? null,
      importedAt: assignments.importedAt ?? null,
      directUsers: assignments.assignments.users.length,
      groups: assignments.assignments.groups.length,
      groupMembers: assignments.assignments.groups.reduce(
        (sum, group) => sum + group.memberUsers.length + group.memberGroups.length,
        0,
      ),
      ...(includeUserData ? { list: assignments.assignments } : {}),
    },
  };
}
