/**
 * The confirmation main shows before the API key is revealed in the window. Main asks, not the window: code
 * in the page could answer a confirmation of its own, but not this native dialog.
 */
import type { BrowserWindow, Dialog, MessageBoxOptions } from 'electron';

export const REVEAL_DIALOG: MessageBoxOptions = {
  type: 'warning',
  buttons: ['Show the key', 'Cancel'],
  defaultId: 1,
  cancelId: 1,
  noLink: true,
  title: 'Show the Jostle API key?',
  message: 'Show the Jostle API key on screen?',
  detail:
    'Anyone who can see your screen, or a screen recording, can read it and use it against your Jostle intranet. The assistant hides it again after 30 seconds. Copy secret token is the safer way.',
};

export function revealConfirmation(
  dialog: Pick<Dialog, 'showMessageBox'>,
  window: () => BrowserWindow | null,
) {
  return async (): Promise<boolean> => {
    const parent = window();
    const answer = parent
      ? await dialog.showMessageBox(parent, REVEAL_DIALOG)
      : await dialog.showMessageBox(REVEAL_DIALOG);
    return answer.response === 0;
  };
}
