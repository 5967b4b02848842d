/**
 * The imported users and assignments (main/app/data-files). Personal data: the export carries their counts,
 * and the records themselves only when the admin opts in.
 */
import type { z } from 'zod';
import type { UserList } from '../../shared/source-data';
import { ConfigurationStore } from '../app/configuration';
import { dataFiles } from '../app/data-files';
import { assignmentsImportSchema, type StoredUserImport } from './imported-data-schema';
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
  // Through the store: it reads the current JSON-lines file and the format before it. Damaged reads as none.
  const users = await new ConfigurationStore(dataDir).importedUsers().catch(() => null);
  const assignments = await readImport(dataFiles.importedAssignments(dataDir), assignmentsImportSchema);
  return {
    userDataIncluded: includeUserData,
    users: users && {
      fileName: users.fileName ?? null,
      importedAt: users.importedAt ?? null,
      count: users.users.length,
      ...(includeUserData ? { list: sample(users.users, MAX_EXPORTED_USERS) } : {}),
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

/** The first users, as the export's schema types them (read-only lists are copied, not cast). */
function sample(users: UserList, limit: number): StoredUserImport['users'] {
  const list: StoredUserImport['users'] = [];
  for (let index = 0; index < Math.min(limit, users.length); index += 1) {
    const user = users.at(index)!;
    const attributes: StoredUserImport['users'][number]['attributes'] = {};
    for (const [name, value] of Object.entries(user.attributes))
      attributes[name] = Array.isArray(value) ? [...(value as string[])] : (value as string | boolean | null);
    list.push({ objectId: user.objectId, userPrincipalName: user.userPrincipalName, attributes });
  }
  return list;
}
