import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
  GALLERY_DEFAULT_CONFIG,
  parseMappingConfig,
  runPreview,
  type MappingConfig,
} from '../../../shared/mapping';
import type { PreviewResult } from '../../../shared/mapping';
import { DEFAULT_SCOPE_CONFIG, parseScopeConfig, type ScopeConfig } from '../../../shared/scoping';
import {
  parseAssignmentsCsv,
  parseDownloadUsersCsv,
  parseGraphUsersPages,
  type AssignmentList,
  type ImportResult,
  type SourceUser,
} from '../../../shared/source-data';
import { UsageError, type CliCommand, type CliIo } from '../command';

const usage = `Usage: npm run cli -- preview --users <file> [--assignments <file>] [--mapping <file.json>] [--scope <file.json>] [--json]

Shows who Microsoft Entra would provision to Jostle and the exact SCIM body it would POST for each user,
from your own export. Nothing is sent anywhere.

Options:
  --users FILE          Entra "Download users" CSV, or a Microsoft Graph /users JSON page
                        (repeat --users for several JSON pages) (required)
  --assignments FILE    Users and groups assigned to the Jostle app, as CSV (see docs/mapping-and-scoping.md)
  --mapping FILE        Attribute mappings saved by the assistant (default: the Jostle gallery defaults)
  --scope FILE          Scope and scoping filters saved by the assistant
                        (default: "Sync only assigned users and groups" with --assignments, else "Sync all")
  --json                Print the result as JSON
  -h, --help            Show this help

Exit codes: 0 preview printed, 1 an input file is missing or broken, 2 bad usage.`;

/** A broken input file: exit code 1 with the message. */
class InputFileError extends Error {}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        users: { type: 'string', multiple: true },
        assignments: { type: 'string' },
        mapping: { type: 'string' },
        scope: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Reads UTF-8, or UTF-16 when the file starts with its byte-order mark (Excel's "Unicode text"). */
async function readText(path: string): Promise<string> {
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

async function loadUsers(paths: string[], io: CliIo): Promise<SourceUser[]> {
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
  return unwrap(parseDownloadUsersCsv(await readText(path), basename(path)), io);
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
  const result = parseConfig(await readJson(path));
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

function printText(result: PreviewResult, scope: ScopeConfig, io: CliIo): void {
  const { summary } = result;
  io.stdout(
    `Scope: ${scope.scope === 'assignedOnly' ? 'Sync only assigned users and groups' : 'Sync all users and groups'}` +
      `${scope.filters.length ? `, ${scope.filters.length} scoping filter(s)` : ''}`,
  );
  io.stdout(`Users: ${summary.total}; in scope: ${summary.inScope}; out of scope: ${summary.outOfScope}`);
  if (summary.inScopeButDisabled) {
    io.stdout(`In scope but disabled in Entra (not created): ${summary.inScopeButDisabled}`);
  }
  if (summary.withMappingFailures)
    io.stdout(`In scope with mapping failures: ${summary.withMappingFailures}`);
  if (summary.unresolvedAssignments.length) {
    io.stdout(`Assignments matching no imported user: ${summary.unresolvedAssignments.join(', ')}`);
  }
  if (summary.startSmall.length) {
    io.stdout(
      `Start small: assign ${summary.startSmall.join(' and ')} first, check them in Jostle, then the rest.`,
    );
  }
  for (const row of result.rows) {
    io.stdout('');
    io.stdout(`${row.inScope ? 'IN ' : 'OUT'} ${row.userPrincipalName} (${row.decidedBy})`);
    for (const failure of row.failures)
      io.stdout(`    mapping failure, ${failure.target}: ${failure.message}`);
    if (row.payload) io.stdout(JSON.stringify(row.payload, null, 2).replace(/^/gm, '    '));
  }
}

export const previewCommand: CliCommand = {
  name: 'preview',
  summary: 'Show who Entra would provision and the SCIM body it would send, from a user export',
  usage,
  async run(args, io) {
    const options = parse(args);
    if (!options.users?.length) throw new UsageError('--users is required');
    try {
      const users = await loadUsers(options.users, io);
      let assignments: AssignmentList | undefined;
      if (options.assignments) {
        assignments = unwrap(
          parseAssignmentsCsv(await readText(options.assignments), basename(options.assignments)),
          io,
        );
      }
      const scope: ScopeConfig = options.scope
        ? await loadConfig(options.scope, parseScopeConfig, io)
        : assignments
          ? DEFAULT_SCOPE_CONFIG
          : { version: 1, scope: 'allUsers', filters: [] };
      if (scope.scope === 'assignedOnly' && !assignments) {
        throw new UsageError(
          'The scope is "Sync only assigned users and groups": give the assignments with --assignments',
        );
      }
      const mapping: MappingConfig = options.mapping
        ? await loadConfig(options.mapping, parseMappingConfig, io)
        : GALLERY_DEFAULT_CONFIG;
      const result = runPreview({ users, assignments, scope, mapping });
      if (options.json) io.stdout(JSON.stringify(result, null, 2));
      else printText(result, scope, io);
      return 0;
    } catch (error) {
      if (error instanceof InputFileError) {
        io.stderr(error.message);
        return 1;
      }
      throw error;
    }
  },
};
