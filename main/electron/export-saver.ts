/**
 * Exports in the desktop app: the system save dialog, and for PDF a hidden, script-less window that prints
 * the HTML summary. The HTML goes to a private temporary file, not a `data:` URL: Chromium refuses data:
 * URLs over 2 MiB, and an export with a large tenant's data passes that. What is unbounded is capped: the
 * size of what is written, and the time loading and printing may take.
 */
import { BrowserWindow, dialog } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportSaver } from '../export/saver';

/** Far above any real export (a 100,000-user summary is a few MiB), far below what would exhaust memory. */
export const MAX_EXPORT_BYTES = 64 * 1024 * 1024;
export const PDF_TIMEOUT_MS = 60_000;

const filters: Record<'markdown' | 'json' | 'html' | 'pdf', Electron.FileFilter> = {
  markdown: { name: 'Markdown', extensions: ['md'] },
  json: { name: 'JSON', extensions: ['json'] },
  html: { name: 'Web page', extensions: ['html'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
};

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s.`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export async function htmlToPdf(html: string, timeoutMs = PDF_TIMEOUT_MS): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'jpa-print-'));
  const file = join(dir, 'summary.html');
  const printer = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      javascript: false,
      contextIsolation: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    await writeFile(file, html, { mode: 0o600 });
    return await withTimeout(
      (async () => {
        await printer.loadFile(file);
        return printer.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
      })(),
      timeoutMs,
      'Preparing the PDF',
    );
  } finally {
    printer.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

export function electronExportSaver(parent: () => BrowserWindow | null): ExportSaver {
  return {
    async save({ suggestedName, content, format }) {
      if (Buffer.byteLength(content) > MAX_EXPORT_BYTES) {
        throw new Error(
          `The export is larger than ${MAX_EXPORT_BYTES / 1024 / 1024} MiB and was not saved. Clear the imported users you do not need and export again.`,
        );
      }
      const window = parent();
      const options = { defaultPath: suggestedName, filters: [filters[format]] };
      const choice = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return null;
      await writeFile(choice.filePath, format === 'pdf' ? await htmlToPdf(content) : content, {
        mode: 0o600,
      });
      return choice.filePath;
    },
  };
}
