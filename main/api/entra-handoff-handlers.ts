/**
 * "Copy secret token" and "Reveal" on the Configure provisioning in Entra step.
 *
 * - `copyApiKey` reads the key from the keychain and writes it to the clipboard here in main, then clears
 *   the clipboard after 60 s, but only if it still holds the key (the admin may have copied something else
 *   since). The answer says whether it worked and when the clipboard clears; it never carries the key.
 * - `revealApiKey` is the one deliberate exception to "the key never goes to the window", and only in the
 *   desktop app: for admins who cannot use the clipboard (a remote session). Main itself asks the admin to
 *   confirm each reveal in a native dialog (`confirmReveal`, wired by main/electron); a request saying
 *   `confirm: true` is not enough, since any code in the window could send it. Without that hook — the browser
 *   mode, where any holder of the session token could call the API, and the CLI — reveal is refused. It is
 *   logged (without the key); the UI shows the key for 30 s and then drops it.
 */
import type { z } from 'zod';
import { ApiError } from '../../shared/api/errors';
import {
  CLIPBOARD_CLEAR_SECONDS,
  REVEAL_SECONDS,
  type entraHandoffContract,
} from '../../shared/api/contracts/entra-handoff';
import type { AppContext } from '../app/context';

type Contract = typeof entraHandoffContract;
export type EntraHandoffHandlers = {
  [C in keyof Contract]: (
    request: z.output<Contract[C]['request']>,
  ) => Promise<z.output<Contract[C]['response']>>;
};

const NO_KEY =
  'No API key is saved yet. Save it on the “Jostle Base URL and API key” step first, then copy it from here.';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type ClipboardContext = Pick<AppContext, 'vault' | 'clipboard' | 'logger' | 'redactor'> & {
  /** Desktop only: asks the admin in a native dialog, per reveal; resolves true when they confirmed. */
  confirmReveal?: AppContext['confirmReveal'];
};

const REVEAL_DESKTOP_ONLY =
  'Showing the key is possible only in the desktop app, which asks you to confirm each time. ' +
  'Use “Copy secret token” instead; it puts the key on the clipboard without showing it.';

/** Clears the clipboard only if it still holds `key`: never wipe what the admin copied since. */
async function clearIfHolds({ clipboard, logger, redactor }: ClipboardContext, key: string): Promise<void> {
  try {
    const current = await clipboard.read();
    if (current?.trim() !== key) {
      logger.log('info', 'clipboard left alone: it no longer holds the api key');
      return;
    }
    await clipboard.clear();
    logger.log('info', 'api key cleared from the clipboard');
  } catch (error) {
    logger.log('warn', 'could not clear the clipboard', { error: redactor.text(describe(error)) });
  }
}

/** For quitting within the 60 s: the key must not outlive the assistant on the clipboard. */
export async function clearApiKeyFromClipboard(context: ClipboardContext): Promise<void> {
  const stored = await context.vault.read().catch(() => null);
  if (stored && (await context.clipboard.available())) await clearIfHolds(context, stored.apiKey);
}

export function entraHandoffHandlers(context: ClipboardContext): EntraHandoffHandlers {
  const { vault, clipboard, logger, redactor } = context;
  let pendingClear: ReturnType<typeof setTimeout> | null = null;

  return {
    copyApiKey: async () => {
      const stored = await vault.read();
      if (!stored) throw new ApiError('not-found', NO_KEY);
      if (!(await clipboard.available())) {
        const problem = (await clipboard.problem?.()) ?? 'No clipboard is available here.';
        return { copied: false, clearsAt: null, problem };
      }
      try {
        await clipboard.write(stored.apiKey);
      } catch (error) {
        const problem = redactor.text(describe(error));
        logger.log('warn', 'could not copy the api key to the clipboard', { error: problem });
        return { copied: false, clearsAt: null, problem };
      }
      // A second copy restarts the 60 s.
      if (pendingClear) clearTimeout(pendingClear);
      const key = stored.apiKey;
      pendingClear = setTimeout(() => {
        pendingClear = null;
        void clearIfHolds(context, key);
      }, CLIPBOARD_CLEAR_SECONDS * 1000);
      // Never keep the process alive just to clear the clipboard.
      (pendingClear as { unref?: () => void }).unref?.();
      const clearsAt = new Date(Date.now() + CLIPBOARD_CLEAR_SECONDS * 1000).toISOString();
      logger.log('info', 'api key copied to the clipboard', { clearsAt });
      return { copied: true, clearsAt, problem: null };
    },

    revealApiKey: async () => {
      if (!context.confirmReveal) throw new ApiError('not-available', REVEAL_DESKTOP_ONLY);
      const stored = await vault.read();
      if (!stored) throw new ApiError('not-found', NO_KEY);
      if (!(await context.confirmReveal())) {
        logger.log('info', 'api key reveal declined in the confirmation dialog');
        throw new ApiError('not-available', 'The key was not shown: the confirmation was declined.');
      }
      logger.log('info', 'api key revealed in the window at the admin’s request');
      return { apiKey: stored.apiKey, hideAfterSeconds: REVEAL_SECONDS };
    },
  };
}
