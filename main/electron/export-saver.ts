import { BrowserWindow, dialog } from 'electron';
import { writeFile } from 'node:fs/promises';
import type { ExportSaver } from '../export/saver';

const filters: Record<'markdown' | 'json' | 'html' | 'pdf', Electron.FileFilter> = {
  markdown: { name: 'Markdown', extensions: ['md'] },
  json: { name: 'JSON', extensions: ['json'] },
  html: { name: 'Web page', extensions: ['html'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
};

/** Renders the HTML summary in a hidden, script-less window and prints it to PDF. */
async function htmlToPdf(html: string): Promise<Buffer> {
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
    await printer.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await printer.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
  } finally {
    printer.destroy();
  }
}

export function electronExportSaver(parent: () => BrowserWindow | null): ExportSaver {
  return {
    async save({ suggestedName, content, format }) {
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
