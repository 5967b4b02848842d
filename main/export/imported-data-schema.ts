/** The shape of the imported users and assignments files, as the export reads them (main/app/data-files). */
import { z } from 'zod';

const sourceValue = z.union([z.string(), z.boolean(), z.array(z.string()), z.null()]);

export const userImportSchema = z.object({
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

export const assignmentsImportSchema = z.object({
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
