/**
 * The hand-off of Jostle's API key to Entra's **Secret Token** field. `copyApiKey` puts the key on the
 * clipboard from main and answers only whether it worked: the key itself never comes back. `revealApiKey` is
 * the one deliberate exception to "the key never reaches the window", in the desktop app only: the request must
 * say `confirm: true`, and main then asks the admin in its own dialog each time (the browser mode and the CLI
 * refuse it); the UI hides the key again after 30 seconds.
 */
import { z } from 'zod';
import { empty } from './app';

/** Seconds the window shows a revealed key before hiding it. */
export const REVEAL_SECONDS = 30;
/** Seconds after which main clears the clipboard, if it still holds the key. */
export const CLIPBOARD_CLEAR_SECONDS = 60;

export const copyApiKeyResultSchema = z
  .object({
    copied: z.boolean(),
    /** When main clears the clipboard (ISO time), if it still holds the key then. */
    clearsAt: z.string().nullable(),
    /** Why nothing was copied (no clipboard tool, no desktop session…); null when copied. */
    problem: z.string().nullable(),
  })
  .strict();

export const revealApiKeyResultSchema = z
  .object({ apiKey: z.string(), hideAfterSeconds: z.number().int().positive() })
  .strict();

export const entraHandoffContract = {
  copyApiKey: { request: empty, response: copyApiKeyResultSchema },
  /** Returns the key to the window. Only on the admin's explicit "Reveal"; see the file comment. */
  revealApiKey: {
    request: z.object({ confirm: z.literal(true) }).strict(),
    response: revealApiKeyResultSchema,
  },
} as const;

export type CopyApiKeyResult = z.output<typeof copyApiKeyResultSchema>;
export type RevealApiKeyResult = z.output<typeof revealApiKeyResultSchema>;
