import { z } from 'zod';

export const exportFormatSchema = z.enum(['markdown', 'json', 'html']);

export const exportContract = {
  /**
   * The support summary as a file to save: Electron writes it through the save dialog (or prints the HTML
   * to PDF), the browser mode offers it as a download. Never contains the API key.
   */
  exportSummary: {
    request: z
      .object({
        format: exportFormatSchema,
        /** Imported users and assignments go in only when the admin ticks this; otherwise only counts. */
        includeUserData: z.boolean(),
      })
      .strict(),
    response: z
      .object({
        /** A suggested name, e.g. jostle-support-summary-2025-01-31-1405.md. */
        fileName: z.string(),
        mimeType: z.string(),
        content: z.string(),
      })
      .strict(),
  },
  /**
   * Desktop app only: asks where to save with the system's save dialog and writes the file there; `pdf`
   * prints the HTML summary. The browser mode downloads `exportSummary`'s content instead.
   */
  saveExport: {
    request: z
      .object({ format: z.enum(['markdown', 'json', 'html', 'pdf']), includeUserData: z.boolean() })
      .strict(),
    response: z.object({ saved: z.boolean(), path: z.string().nullable() }).strict(),
  },
} as const;
