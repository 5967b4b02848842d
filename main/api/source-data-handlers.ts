import type { z } from 'zod';
import type { importStatusSchema } from '../../shared/api/contracts/source-data';
import { ApiError } from '../../shared/api/errors';
import {
  generateSyntheticTenant,
  parseAssignmentsCsv,
  parseDownloadUsersCsv,
  parseGraphUsersPages,
  type ImportResult,
} from '../../shared/source-data';
import type { AppContext } from '../app/context';
import { readPickedFile } from '../host/picked-files';
import type { HandlerTable } from './handler-table';

type ImportStatus = z.output<typeof importStatusSchema>;
type Channels =
  'getImportStatus' | 'importUsers' | 'importAssignments' | 'generateSyntheticUsers' | 'clearImports';

async function importStatus(context: AppContext, warnings: string[] = []): Promise<ImportStatus> {
  const [users, assignments] = await Promise.all([
    context.configuration.importedUsers(),
    context.configuration.importedAssignments(),
  ]);
  return {
    users: users
      ? { fileName: users.fileName, importedAt: users.importedAt, count: users.users.length }
      : null,
    assignments: assignments
      ? {
          fileName: assignments.fileName,
          importedAt: assignments.importedAt,
          users: assignments.assignments.users.length,
          groups: assignments.assignments.groups.length,
        }
      : null,
    warnings,
  };
}

/** A broken file changes nothing: the previous import stays, and the message names the file and line. */
function accepted<T>(result: ImportResult<T>): { value: T; warnings: string[] } {
  if (!result.ok) throw new ApiError('invalid-request', result.error.message, { file: result.error.message });
  return { value: result.value, warnings: result.warnings };
}

const looksLikeJson = (text: string) => /^\uFEFF?\s*[[{]/.test(text);

export function sourceDataHandlers(context: AppContext): Pick<HandlerTable, Channels> {
  const changed = () => context.preview.invalidate();
  const usersImport = context.jobs.slot('importJob', 'A user import is already running.');

  async function importUsersFrom(files: { name: string; text: string }[], signal?: AbortSignal) {
    const json = files.every((file) => looksLikeJson(file.text));
    if (!json && files.length > 1) {
      throw new ApiError(
        'invalid-request',
        'Import one Download users CSV at a time, or any number of Graph JSON pages.',
      );
    }
    const { value, warnings } = accepted(
      json ? parseGraphUsersPages(files) : parseDownloadUsersCsv(files[0]!.text, files[0]!.name),
    );
    if (value.length === 0) throw new ApiError('invalid-request', `${files[0]!.name} holds no users.`);
    // Cancelled while parsing: nothing is saved, the previous import stays.
    if (signal?.aborted)
      throw new ApiError('invalid-request', 'The import was cancelled; nothing was changed.');
    await context.configuration.saveImportedUsers({
      fileName: files.map((file) => file.name).join(', '),
      importedAt: new Date().toISOString(),
      users: value,
    });
    changed();
    context.logger.log('info', 'users imported', { count: value.length });
    return { count: value.length, status: await importStatus(context, warnings) };
  }

  return {
    getImportStatus: () => importStatus(context),

    importUsers: (request) =>
      usersImport.run(async ({ progress, signal }) => {
        const fileName = request.files.map((file) => file.name).join(', ');
        const read = request.files.map(() => ({ bytesRead: 0, totalBytes: 0, lines: 0 }));
        // Bytes and rows as each file is read, then the exact count once parsed: the Scope step shows it.
        const report = (rows: number) =>
          progress({
            fileName,
            bytesRead: read.reduce((sum, file) => sum + file.bytesRead, 0),
            totalBytes: read.reduce((sum, file) => sum + file.totalBytes, 0),
            rows,
          });
        const files = await Promise.all(
          request.files.map((file, index) =>
            readPickedFile(file, ['.csv', '.json'], (state) => {
              // Cancelled (cancelJob): stop reading; the previous import stays.
              signal.throwIfAborted();
              read[index] = state;
              // A CSV's header line is not a user.
              report(read.reduce((sum, file) => sum + Math.max(0, file.lines - 1), 0));
            }),
          ),
        );
        const users = await importUsersFrom(files, signal);
        report(users.count);
        return users.status;
      }).done,

    importAssignments: async (request) => {
      const file = await readPickedFile(request.file, ['.csv']);
      const { value, warnings } = accepted(parseAssignmentsCsv(file.text, file.name));
      await context.configuration.saveImportedAssignments({
        fileName: file.name,
        importedAt: new Date().toISOString(),
        assignments: value,
      });
      changed();
      return importStatus(context, warnings);
    },

    generateSyntheticUsers: async ({ count, seed }) => {
      const tenant = generateSyntheticTenant({ users: count, ...(seed === undefined ? {} : { seed }) });
      const importedAt = new Date().toISOString();
      await context.configuration.saveImport(
        { fileName: `synthetic tenant (${count} users)`, importedAt, users: tenant.users },
        { fileName: 'synthetic assignments', importedAt, assignments: tenant.assignments },
      );
      changed();
      return importStatus(context);
    },

    clearImports: async () => {
      await context.configuration.clearImports();
      changed();
      return importStatus(context);
    },
  };
}
