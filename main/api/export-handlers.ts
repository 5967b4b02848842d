import { ApiError } from '../../shared/api/errors';
import type { AppContext } from '../app/context';
import { buildSupportExport } from '../export';
import type { HandlerTable } from './handler-table';

export function exportHandlers(context: AppContext): Pick<HandlerTable, 'exportSummary' | 'saveExport'> {
  return {
    saveExport: async ({ format, includeUserData }) => {
      if (!context.exportSaver) {
        throw new ApiError(
          'not-available',
          'Saving through a dialog needs the desktop app; the browser mode downloads the file instead.',
        );
      }
      // PDF is the HTML summary printed by Chromium, so it carries exactly the same redacted content.
      const result = await buildSupportExport(context, {
        format: format === 'pdf' ? 'html' : format,
        includeUserData,
      });
      const suggestedName = format === 'pdf' ? result.fileName.replace(/\.html$/, '.pdf') : result.fileName;
      const path = await context.exportSaver.save({ suggestedName, content: result.content, format });
      if (path !== null) {
        context.settings.update('exportedAt', () => new Date().toISOString());
        context.logger.log('info', 'support export saved', { format, includeUserData });
      }
      return { saved: path !== null, path };
    },
    exportSummary: async ({ format, includeUserData }) => {
      const result = await buildSupportExport(context, { format, includeUserData });
      context.logger.log('info', 'support export created', {
        format,
        includeUserData,
        bytes: Buffer.byteLength(result.content, 'utf8'),
      });
      // The Export step is done once the admin has produced a summary.
      context.settings.update('exportedAt', () => new Date().toISOString());
      return result;
    },
  };
}
