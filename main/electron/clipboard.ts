/** The SecretClipboard port on Electron's own clipboard module (desktop app only). */
import { clipboard } from 'electron';
import type { SecretClipboard } from '../clipboard/secret-clipboard';

export const electronClipboard: SecretClipboard = {
  available: async () => true,
  // Electron 45's clipboard is promise-based (modelled on navigator.clipboard).
  write: (text) => clipboard.writeText(text),
  read: async () => {
    const text = await clipboard.readText();
    return text === '' ? null : text;
  },
  clear: async () => clipboard.clear(),
};
