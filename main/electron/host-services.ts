/**
 * What main does for the handler host: the clipboard, Chromium's proxy resolution and the save dialog.
 * Arguments are checked here, since they cross a process boundary.
 */
import type { Session } from 'electron';
import { z } from 'zod';
import type { ExportSaver } from '../export/saver';
import { signInBrowserOpener } from '../graph/clouds';
import type { ServiceTable } from '../host/host-client';
import type { DesktopClipboard } from './clipboard';
import { MAX_EXPORT_BYTES } from './export-saver';

/** The API key and the Copy buttons' text: small. */
const clipText = z.string().max(64 * 1024);
const url = z.string().url().max(8192);
const exportFile = z
  .object({
    suggestedName: z.string().min(1).max(255),
    content: z.string().max(MAX_EXPORT_BYTES),
    format: z.enum(['markdown', 'json', 'html', 'pdf']),
  })
  .strict();

export function mainServices(deps: {
  clipboard: DesktopClipboard;
  session: Pick<Session, 'resolveProxy'>;
  exportSaver: ExportSaver;
  /** The system browser (shell.openExternal); used only for Microsoft's sign-in hosts. */
  openExternal: (url: string) => Promise<void>;
  /** A native dialog asking before the API key is shown in the window; true when the admin confirmed. */
  confirmReveal: () => Promise<boolean>;
}): ServiceTable {
  const { clipboard, session, exportSaver } = deps;
  const openSignInPage = signInBrowserOpener(deps.openExternal);
  return {
    'clipboard.available': () => clipboard.available(),
    'clipboard.problem': async () => (await clipboard.problem?.()) ?? null,
    'clipboard.write': (text) => clipboard.write(clipText.parse(text)),
    'clipboard.writePlain': (text) => clipboard.writePlain(clipText.parse(text)),
    'clipboard.read': () => clipboard.read(),
    'clipboard.clear': () => clipboard.clear(),
    resolveProxy: (target) => session.resolveProxy(url.parse(target)),
    saveExport: (file) => exportSaver.save(exportFile.parse(file)),
    openSignInPage: async (target) => openSignInPage(url.parse(target)),
    confirmReveal: () => deps.confirmReveal(),
  };
}
