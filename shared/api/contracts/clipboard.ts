/**
 * The Copy buttons' text (a tenant URL, an attribute name). In the desktop app the window may not write the
 * clipboard itself (every permission is refused), so main writes it. Never used for the API key: that one
 * is copied by `copyApiKey`, from the keychain, without passing through the window.
 */
import { z } from 'zod';

export const copyTextResultSchema = z
  .object({ copied: z.boolean(), problem: z.string().nullable() })
  .strict();

export const clipboardContract = {
  copyText: {
    request: z
      .object({
        text: z
          .string()
          .min(1)
          .max(64 * 1024),
      })
      .strict(),
    response: copyTextResultSchema,
  },
} as const;
