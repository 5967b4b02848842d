/**
 * The imported users and assignments (main/app/data-files). Personal data: the export carries their counts,
 * and the records themselves only when the admin opts in.
 */
import { z } from 'zod';
import { dataFiles } from '../app/data-files';
import { MAX_EXPORTED_USERS, type ImportedDataSection } from './model';
import { readJsonFile } from './read-json-file';

const sourceValue = z.union([z.string(), z.boolean(), z.array(z.string()), z.null()]);

const userImportSchema = z.object({
  fileName: z.string().nullish(),
  importedAt: z.string().nullish(),
  users: z.array(
    z.object({
      objectId: z.string(),
      userPrincipalName: z.string(),
      attributes: z.record(z.string(), sourceValue),
    }),
  ),
});

const assignmentsImportSchema = z.object({
  fileName: z.string().nullish(),
  importedAt: z.string().nullish(),
  assignments: z.object({
    users: z.array(z.object({ id: z.string(), appRole: z.string().nullable() })),
    groups: z.array(
      z.object({
        id: z.string(),
        displayName: z.string().nullable(),
        memberUsers: z.array(z.string()),
        memberGroups: z.array(z.string()),
        appRole: z.string().nullable(),
      }),
    ),
  }),
});

export type StoredUserImport = z.infer<typeof userImportSchema>;
export type StoredAssignmentsImport = z.infer<typeof assignmentsImportSchema>;

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
