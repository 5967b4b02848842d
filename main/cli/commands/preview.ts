import { parseArgs } from 'node:util';
import { runPreview, type PreviewResult } from '../../../shared/mapping';
import type { ScopeConfig } from '../../../shared/scoping';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { APP_OPTION_HELP, InputFileError, loadInputs, inputFileOptions } from '../load-inputs';

const usage = `Usage: npm run cli -- preview --users <file> [--assignments <file>] [--mapping <file.json>] [--scope <file.json>] [--json]

Shows who Microsoft Entra would provision to Jostle and the exact SCIM body it would POST for each user,
from your own export. Nothing is sent anywhere.

Options:
${APP_OPTION_HELP}
  --users FILE          Entra "Download users" CSV, or a Microsoft Graph /users JSON page
                        (repeat --users for several JSON pages) (default: the users the
                        assistant or entra pull saved)
  --assignments FILE    Users and groups assigned to the Jostle app, as CSV (see docs/mapping-and-scoping.md)
  --mapping FILE        Attribute mappings saved by the assistant (default: the --app path's defaults)
  --scope FILE          Scope and scoping filters saved by the assistant
  --entra-schema FILE   Entra's synchronization schema, in place of --mapping and --scope
                        (default: "Sync only assigned users and groups" with --assignments, else "Sync all")
  --json                Print the result as JSON
  -h, --help            Show this help

Exit codes: 0 preview printed, 1 an input file is missing or broken, 2 bad usage.`;

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        ...inputFileOptions,
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function printText(result: PreviewResult, scope: ScopeConfig, io: CliIo): void {
  const { summary } = result;
  io.stdout(
    `Scope: ${scope.scope === 'assignedOnly' ? 'Sync only assigned users and groups' : 'Sync all users and groups'}` +
      `${scope.filters.length ? `, ${scope.filters.length} scoping ${scope.filters.length === 1 ? 'filter' : 'filters'}` : ''}`,
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
    for (const note of row.notes) io.stdout(`    note: ${note}`);
    if (row.payload) io.stdout(JSON.stringify(row.payload, null, 2).replace(/^/gm, '    '));
  }
}

export const previewCommand: CliCommand = {
  name: 'preview',
  summary: 'Show who Entra would provision and the SCIM body it would send, from a user export',
  usage,
  async run(args, io) {
    const options = parse(args);
    try {
      const { users, assignments, scope, mapping } = await loadInputs(
        {
          users: options.users ?? [],
          assignments: options.assignments,
          mapping: options.mapping,
          scope: options.scope,
          app: options.app,
          entraSchema: options['entra-schema'],
        },
        io,
      );
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
