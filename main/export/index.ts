/**
 * The support export: a summary of the admin's setup for Jostle or Microsoft support, in Markdown, JSON or
 * HTML, without the API key and (unless the admin opts in) without imported user data. See docs/export.md.
 */
import type { AppContext } from '../app/context';
import { collectSupportExport } from './collect';
import { exportDocument } from './document';
import { EXPORT_FORMATS, exportFileName } from './formats';
import type { ExportOptions } from './model';
import { exportRedaction } from './redact';
import { renderHtml } from './render-html';
import { renderJson } from './render-json';
import { renderMarkdown } from './render-markdown';

export { EXPORT_FORMATS, exportFileName, formatFromFileName } from './formats';
export { collectSupportExport } from './collect';
export type { ExportFormat, ExportOptions, SupportExport } from './model';

export interface RenderedExport {
  fileName: string;
  mimeType: string;
  content: string;
}

export async function buildSupportExport(
  context: AppContext,
  options: ExportOptions,
): Promise<RenderedExport> {
  const now = options.now ?? new Date();
  const model = await collectSupportExport(context, { includeUserData: options.includeUserData, now });
  const rendered =
    options.format === 'json'
      ? renderJson(model)
      : options.format === 'html'
        ? renderHtml(exportDocument(model))
        : renderMarkdown(exportDocument(model));
  return {
    fileName: exportFileName(options.format, now),
    mimeType: EXPORT_FORMATS[options.format].mimeType,
    // A last pass over the finished text, for anything the renderers themselves added.
    content: exportRedaction(context.redactor)(rendered),
  };
}
