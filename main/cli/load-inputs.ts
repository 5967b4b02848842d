/**
 * Loads the source-data inputs shared by `preview` and `dry-run`: the user export (--users), the assignments
 * (--assignments), and the mapping and scope files (--mapping, --scope) or, in their place, Entra's
 * synchronization schema (--entra-schema), with the same defaults, checks and messages.
 */
import { open, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { defaultMappingFor, parseMappingForPath, type MappingConfig } from '../../shared/mapping';
import { importSynchronizationSchema } from '../../shared/entra-schema';
import { DEFAULT_SCOPE_CONFIG, parseScopeConfig, type ScopeConfig } from '../../shared/scoping';
import {
  DownloadUsersImporter,
  importDownloadUsersCsv,
  importFailure,
  parseAssignmentsCsv,
  parseGraphUsersPages,
  type AssignmentList,
  type ImportResult,
  type UserList,
} from '../../shared/source-data';
import { UsageError, type CliIo } from './command';
import { appPathOption, type InputPaths, type LoadedInputs } from './input-options';
import { loadSavedInputs } from './saved-inputs';

/** A broken input file: commands exit with code 1 and the message. */
export class InputFileError extends Error {
  override name = 'InputFileError';
}

/** Reads UTF-8, or UTF-16 when the file starts with its byte-order mark (Excel's "Unicode text"). */
export async function readText(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new InputFileError(
      `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

function unwrap<T>(result: ImportResult<T>, io: CliIo): T {
  if (!result.ok) throw new InputFileError(result.error.message);
  for (const warning of result.warnings) io.stderr(`warning: ${warning}`);
  return result.value;
}

async function readJson(path: string): Promise<unknown> {
  const text = await readText(path);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputFileError(`${basename(path)} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * A Download users CSV read in 1 MiB chunks straight into the compact table (never the whole text). A UTF-16
 * file (Excel's "Unicode text") is decoded whole, as readText does.
 */
async function importUsersCsv(path: string): Promise<ImportResult<UserList>> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new InputFileError(
      `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  try {
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    const first = await handle.read(buffer, 0, buffer.length, 0);
    const utf16 = (buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff);
    if (utf16) return importDownloadUsersCsv([await readText(path)], basename(path));
    const importer = new DownloadUsersImporter();
    const decoder = new TextDecoder('utf-8');
    try {
      let got = first.bytesRead;
      for (let position = 0; got > 0;) {
        importer.push(decoder.decode(buffer.subarray(0, got), { stream: true }));
        position += got;
        got = (await handle.read(buffer, 0, buffer.length, position)).bytesRead;
      }
      importer.push(decoder.decode());
      const table = importer.finish();
      return { ok: true, value: table, warnings: importer.warnings };
    } catch (error) {
      return importFailure(error, basename(path));
    }
  } finally {
    await handle.close();
  }
}

export async function loadUsers(paths: string[], io: CliIo): Promise<UserList> {
  const json = paths.map((path) => /\.json$/i.test(path));
  if (json.some(Boolean) && !json.every(Boolean)) {
    throw new UsageError('Give either one CSV file or one or more JSON pages to --users, not both');
  }
  if (!json[0] && paths.length > 1)
    throw new UsageError('Only JSON exports can be split over several --users files');
  if (json[0]) {
    const pages = await Promise.all(
      paths.map(async (path) => ({ name: basename(path), text: await readText(path) })),
    );
    return unwrap(parseGraphUsersPages(pages), io);
  }
  const path = paths[0] as string;
  return unwrap(await importUsersCsv(path), io);
}

interface ConfigProblem {
  severity: string;
  message: string;
  mappingIndex?: number;
  filterIndex?: number;
  clauseIndex?: number;
}

type ConfigParser<T> = (
  json: unknown,
) => { ok: true; config: T; problems: ConfigProblem[] } | { ok: false; problems: ConfigProblem[] };

async function loadConfig<T>(path: string, parseConfig: ConfigParser<T>, io: CliIo): Promise<T> {
  return checkConfig(await readJson(path), path, parseConfig, io);
}

/** The same checks for a configuration that came from a file or out of a schema, so both behave alike. */
function checkConfig<T>(json: unknown, path: string, parseConfig: ConfigParser<T>, io: CliIo): T {
  const result = parseConfig(json);
  const where = (problem: ConfigProblem) =>
    problem.mappingIndex !== undefined
      ? `mapping ${problem.mappingIndex + 1}: `
      : problem.filterIndex !== undefined
        ? `filter ${problem.filterIndex + 1}${problem.clauseIndex === undefined ? '' : ` clause ${problem.clauseIndex + 1}`}: `
        : '';
  const lines = result.problems.map((problem) => `${problem.severity}: ${where(problem)}${problem.message}`);
  if (!result.ok) throw new InputFileError(`${basename(path)} cannot be used:\n  ${lines.join('\n  ')}`);
  for (const line of lines) io.stderr(line);
  return result.config;
}

export {
  APP_OPTION_HELP,
  appPathOption,
  inputFileOptions,
  type InputPaths,
  type LoadedInputs,
} from './input-options';

/**
 * Reads every input. Defaults: the default mappings of the --app path (gallery unless told); "Sync only assigned users and groups" when
 * assignments are given, else "Sync all users and groups". Throws InputFileError or UsageError.
 */
export async function loadInputs(paths: InputPaths, io: CliIo): Promise<LoadedInputs> {
  if (paths.users.length === 0) return loadSavedInputs(paths, io, loadFileInputs);
  return loadFileInputs(paths, io);
}

async function loadFileInputs(paths: InputPaths, io: CliIo): Promise<LoadedInputs> {
  const appPath = appPathOption(paths.app);
  const users = paths.users.length ? await loadUsers(paths.users, io) : [];
  let assignments: AssignmentList | undefined;
  if (paths.assignments) {
    assignments = unwrap(
      parseAssignmentsCsv(await readText(paths.assignments), basename(paths.assignments)),
      io,
    );
  }
  const fromSchema = paths.entraSchema ? await loadEntraSchema(paths, io) : undefined;
  const defaultScope: ScopeConfig = assignments
    ? DEFAULT_SCOPE_CONFIG
    : { version: 1, scope: 'allUsers', filters: [] };
  const scope: ScopeConfig = fromSchema
    ? checkConfig({ ...defaultScope, filters: fromSchema.filters }, paths.entraSchema!, parseScopeConfig, io)
    : paths.scope
      ? await loadConfig(paths.scope, parseScopeConfig, io)
      : defaultScope;
  // Without --users the saved users and assignments are used (saved-inputs.ts checks the pair there).
  if (scope.scope === 'assignedOnly' && !assignments && paths.users.length > 0) {
    throw new UsageError(
      'The scope is "Sync only assigned users and groups": give the assignments with --assignments',
    );
  }
  const mapping: MappingConfig = fromSchema
    ? checkConfig(fromSchema.mapping, paths.entraSchema!, (json) => parseMappingForPath(json, appPath), io)
    : paths.mapping
      ? await loadConfig(paths.mapping, (json) => parseMappingForPath(json, appPath), io)
      : defaultMappingFor(appPath);
  const entraSchema = fromSchema
    ? { fileName: basename(paths.entraSchema!), targetObjectActions: fromSchema.targetObjectActions }
    : null;
  return { users, assignments, scope, mapping, appPath, entraSchema };
}

/**
 * The mapping and filters of a schema file. The schema does not hold Settings > Scope, so the scope mode
 * follows the same default as without --scope: assigned only with --assignments, else all users.
 */
async function loadEntraSchema(paths: InputPaths, io: CliIo) {
  if (paths.mapping || paths.scope)
    throw new UsageError('--entra-schema takes the place of --mapping and --scope: give one or the other.');
  const path = paths.entraSchema as string;
  const result = importSynchronizationSchema(await readText(path));
  if (!result.ok) throw new InputFileError(`${basename(path)} cannot be used: ${result.error.message}`);
  for (const note of result.imported.notes)
    io.stderr(`note: ${basename(path)}: ${note.where}: ${note.message}`);
  return result.imported;
}
