import type { z } from 'zod';
import type { importStatusSchema } from '../../shared/api/contracts/source-data';
import { ApiError } from '../../shared/api/errors';
import {
  DownloadUsersImporter,
  generateSyntheticTable,
  importFailure,
  parseAssignmentsCsv,
  parseGraphUsersPages,
  type ImportResult,
  type UserList,
} from '../../shared/source-data';
import type { AppContext } from '../app/context';
import {
  readPickedFile,
  readPickedFileChunks,
  type PickedFile,
  type ReadProgress,
} from '../host/picked-files';
import type { HandlerTable } from './handler-table';

type ImportStatus = z.output<typeof importStatusSchema>;
type Channels =
  'getImportStatus' | 'importUsers' | 'importAssignments' | 'generateSyntheticUsers' | 'clearImports';

async function importStatus(context: AppContext, warnings: string[] = []): Promise<ImportStatus> {
  const [users, assignments] = await Promise.all([
    // A damaged saved import reads as none, with the reason: the admin imports again.
    context.configuration.importedUsers().catch((error: unknown) => {
      if (!(error instanceof ApiError)) throw error;
      warnings = [...warnings, error.message];
      return null;
    }),
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

  /**
   * One CSV is read in chunks straight into the compact table (never the whole text); a file that turns out
   * to be JSON is gathered and handed back as text, to be read as a Graph page.
   */
  async function streamCsv(
    file: PickedFile,
    onRead: ReadProgress,
  ): Promise<{ table: ImportResult<UserList> } | { text: string }> {
    const importer = new DownloadUsersImporter();
    let json: string[] | null = null;
    let first = true;
    try {
      await readPickedFileChunks(
        file,
        ['.csv', '.json'],
        (text) => {
          if (first && text !== '') {
            first = false;
            if (looksLikeJson(text)) json = [];
          }
          if (json) json.push(text);
          else importer.push(text);
        },
        onRead,
      );
      if (json) return { text: (json as string[]).join('') };
      const table = importer.finish();
      return { table: { ok: true, value: table, warnings: importer.warnings } };
    } catch (error) {
      return { table: importFailure(error, file.name) };
    }
  }

  /** Several files: Graph JSON pages only (a Download users CSV is one file). */
  function parsePages(files: { name: string; text: string }[]): ImportResult<UserList> {
    if (!files.every((file) => looksLikeJson(file.text))) {
      throw new ApiError(
        'invalid-request',
        'Import one Download users CSV at a time, or any number of Graph JSON pages.',
      );
    }
    return parseGraphUsersPages(files);
  }

  async function saveUsers(names: string[], parsed: ImportResult<UserList>, signal?: AbortSignal) {
    const { value, warnings } = accepted(parsed);
    if (value.length === 0) throw new ApiError('invalid-request', `${names[0]} holds no users.`);
    // Cancelled while parsing: nothing is saved, the previous import stays.
    if (signal?.aborted)
      throw new ApiError('invalid-request', 'The import was cancelled; nothing was changed.');
    await context.configuration.saveImportedUsers({
      fileName: names.join(', '),
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
        const onRead = (index: number) => (state: (typeof read)[number]) => {
          // Cancelled (cancelJob): stop reading; the previous import stays.
          signal.throwIfAborted();
          read[index] = state;
          // A CSV's header line is not a user.
          report(read.reduce((sum, file) => sum + Math.max(0, file.lines - 1), 0));
        };
        const names = request.files.map((file) => file.name);
        let users;
        if (request.files.length === 1) {
          const file = request.files[0]!;
          const streamed = await streamCsv(file, onRead(0));
          const parsed =
            'table' in streamed ? streamed.table : parsePages([{ name: file.name, text: streamed.text }]);
          users = await saveUsers(names, parsed, signal);
        } else {
          const files = await Promise.all(
            request.files.map((file, index) => readPickedFile(file, ['.csv', '.json'], onRead(index))),
          );
          users = await saveUsers(names, parsePages(files), signal);
        }
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
      const tenant = generateSyntheticTable({ users: count, ...(seed === undefined ? {} : { seed }) });
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
