/**
 * The clipboard in the desktop app: Electron's own `clipboard` module, in main. The window never writes the
 * clipboard itself — the deny-all permission handlers refuse `navigator.clipboard` there — so the Copy buttons
 * go through the `copyText` channel and "Copy secret token" through `copyApiKey`.
 *
 * Secrets carry the markers each platform's clipboard managers honour, next to the text:
 * - Windows: `ExcludeClipboardContentFromMonitorProcessing` (present = skip), `CanIncludeInClipboardHistory`
 *   and `CanUploadToCloudClipboard` (a DWORD 0 = no history, no cloud sync);
 * - macOS: `org.nspasteboard.ConcealedType` (the nspasteboard.org convention password managers use);
 * - Linux: `x-kde-passwordManagerHint` = "secret" (Klipper and others skip it).
 * Electron 45's `clipboard.write` takes ClipboardItems keyed by type; a raw OS format is written (and read
 * back) as `electron application/osclipboard;format="<name>"`, with a Blob as its bytes (Electron's
 * docs/api/clipboard.md and clipboard-item.md). All entries of one `write()` are committed atomically, so the
 * text never sits on the clipboard without its markers.
 */
import { clipboard, ClipboardItem } from 'electron';
import type { SecretClipboard } from '../clipboard/secret-clipboard';

export const osFormat = (name: string): string => `electron application/osclipboard;format="${name}"`;

const dwordZero = () => new Blob([new Uint8Array(4)]);

/** The sensitive-content markers for `platform`, as type → payload. */
export function sensitiveMarkers(platform: NodeJS.Platform): Record<string, Blob> {
  switch (platform) {
    case 'win32':
      return {
        [osFormat('ExcludeClipboardContentFromMonitorProcessing')]: new Blob([new Uint8Array(1)]),
        [osFormat('CanIncludeInClipboardHistory')]: dwordZero(),
        [osFormat('CanUploadToCloudClipboard')]: dwordZero(),
      };
    case 'darwin':
      return { [osFormat('org.nspasteboard.ConcealedType')]: new Blob([]) };
    case 'linux':
    case 'freebsd':
    case 'openbsd':
      return { [osFormat('x-kde-passwordManagerHint')]: new Blob(['secret']) };
    default:
      return {};
  }
}

export interface DesktopClipboard extends SecretClipboard {
  /** Ordinary text (a URL, a tenant name) with no sensitive markers. */
  writePlain(text: string): Promise<void>;
}

export function electronClipboard(platform: NodeJS.Platform = process.platform): DesktopClipboard {
  return {
    available: async () => true,
    problem: async () => null,
    write: (text) =>
      clipboard.write([new ClipboardItem({ 'text/plain': text, ...sensitiveMarkers(platform) })]),
    writePlain: (text) => clipboard.writeText(text),
    read: async () => {
      const text = await clipboard.readText();
      return text === '' ? null : text;
    },
    clear: async () => clipboard.clear(),
  };
}
