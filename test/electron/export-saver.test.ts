/**
 * PDF export on the Electron STAND-IN, which refuses data: URLs over 2 MiB as Chromium does: a large export
 * prints from a private temporary file that is gone afterwards, and an oversized one is refused up front.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { BrowserWindow, dialog } from 'electron';
import { electronExportSaver, MAX_EXPORT_BYTES } from '../../main/electron/export-saver';
import { tempDir } from '../support/temp';

const standInWindows = BrowserWindow as unknown as {
  created: Array<{
    webContents: { loadedUrls: string[]; loadedFileText: string | null; pdfFromUrl: string | null };
  }>;
};
const standInDialog = dialog as unknown as { saveAnswer: Electron.SaveDialogReturnValue };
const dirs: Array<{ path: string; remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));

it('prints a 3 MiB summary from a temporary file, never a data: URL, and removes the file', async () => {
  const dir = tempDir();
  dirs.push(dir);
  const target = `${dir.path}/summary.pdf`;
  standInDialog.saveAnswer = { canceled: false, filePath: target };
  const html = `<!doctype html><p>${'x'.repeat(3 * 1024 * 1024)}</p>`;
  const saved = await electronExportSaver(() => null).save({
    suggestedName: 's.pdf',
    content: html,
    format: 'pdf',
  });
  expect(saved).toBe(target);
  expect(readFileSync(target, 'utf8')).toMatch(/^%PDF/);
  const printer = standInWindows.created.at(-1)!.webContents;
  expect(printer.loadedUrls.every((url) => url.startsWith('file://'))).toBe(true);
  expect(printer.loadedFileText).toBe(html);
  expect(printer.pdfFromUrl).toBe(printer.loadedUrls[0]);
  expect(existsSync(fileURLToPath(printer.loadedUrls[0]!))).toBe(false);
});

it('refuses an export over the size cap before asking where to save it', async () => {
  standInDialog.saveAnswer = { canceled: false, filePath: '/nowhere/x.html' };
  const huge = 'x'.repeat(MAX_EXPORT_BYTES + 1);
  await expect(
    electronExportSaver(() => null).save({ suggestedName: 'x.html', content: huge, format: 'html' }),
  ).rejects.toThrow(/larger than 64 MiB/);
});
