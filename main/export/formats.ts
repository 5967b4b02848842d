import type { ExportFormat } from './model';

export const EXPORT_FORMATS: Record<ExportFormat, { extension: string; mimeType: string; label: string }> = {
  markdown: { extension: 'md', mimeType: 'text/markdown; charset=utf-8', label: 'Markdown' },
  json: { extension: 'json', mimeType: 'application/json; charset=utf-8', label: 'JSON' },
  html: { extension: 'html', mimeType: 'text/html; charset=utf-8', label: 'HTML' },
};

const BY_EXTENSION: Record<string, ExportFormat> = {
  md: 'markdown',
  markdown: 'markdown',
  json: 'json',
  html: 'html',
  htm: 'html',
};

/** The format a file name asks for, from its extension; null when the extension is not one we write. */
export function formatFromFileName(fileName: string): ExportFormat | null {
  const match = /\.([A-Za-z]+)$/.exec(fileName);
  return (match && BY_EXTENSION[match[1]!.toLowerCase()]) ?? null;
}

/** `jostle-support-summary-2025-01-31-1405.md`: sorts by date, safe on every file system. */
export function exportFileName(format: ExportFormat, now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace('T', '-').replace(':', '');
  return `jostle-support-summary-${stamp}.${EXPORT_FORMATS[format].extension}`;
}
