import { z } from 'zod';
import { empty } from './app';

/**
 * A file the admin picked: as text the window read (browser mode), or — in the desktop app — as the path
 * Electron's webUtils.getPathForFile gave the preload, so a large file is read from disk in the handler host
 * instead of crossing IPC as a string. Exactly one of the two.
 */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
export const fileSchema = z
  .object({
    name: z.string().min(1).max(260),
    text: z.string().max(MAX_IMPORT_BYTES).optional(),
    path: z.string().min(1).max(4096).optional(),
  })
  .strict()
  .refine((file) => (file.text === undefined) !== (file.path === undefined), {
    message: 'Give the file as text or as a path, not both and not neither.',
  });

export const importStatusSchema = z
  .object({
    users: z
      .object({ fileName: z.string(), importedAt: z.string(), count: z.number().int() })
      .strict()
      .nullable(),
    assignments: z
      .object({
        fileName: z.string(),
        importedAt: z.string(),
        users: z.number().int(),
        groups: z.number().int(),
      })
      .strict()
      .nullable(),
    /** Things the admin should know from the last import that did not stop it. */
    warnings: z.array(z.string()),
  })
  .strict();

export const sourceDataContract = {
  getImportStatus: { request: empty, response: importStatusSchema },
  /** One Download users CSV, or one or more Microsoft Graph /users JSON pages. */
  importUsers: {
    request: z.object({ files: z.array(fileSchema).min(1).max(200) }).strict(),
    response: importStatusSchema,
  },
  importAssignments: { request: z.object({ file: fileSchema }).strict(), response: importStatusSchema },
  /** A made-up tenant for demos and trying things out. */
  generateSyntheticUsers: {
    request: z
      .object({ count: z.number().int().min(1).max(100_000), seed: z.number().int().optional() })
      .strict(),
    response: importStatusSchema,
  },
  clearImports: { request: empty, response: importStatusSchema },
} as const;
