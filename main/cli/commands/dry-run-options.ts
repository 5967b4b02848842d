/** The dry-run command's usage text and option parsing, kept apart from running it. */
import { parseArgs } from 'node:util';
import { DEFAULT_LIVE_MAX_USERS } from '../../../shared/provisioning/start-small';
import { UsageError } from '../command';
import { APP_OPTION_HELP, inputFileOptions } from '../input-options';

export const usage = `Usage: npm run cli -- dry-run --users <file> [--next-users <file> …] [--assignments f] [--mapping f]
                          [--scope f] [--target mock|<BaseURL>] [--cycles N] [--log-out f] [--json] [options]

Simulates Microsoft Entra's provisioning cycles (match, create, update, disable, delete, with Entra's
escrow, quarantine and deletion rules) against the built-in mock Jostle, or, if you confirm it, a live tenant.

Options:
${APP_OPTION_HELP}
  --users FILE          Entra "Download users" CSV, or Microsoft Graph /users JSON pages (repeatable) (default: what
                        the assistant or entra pull saved)
  --next-users FILE     The import for the next cycle (repeatable: cycle 2 reads the first, cycle 3 the second…)
  --assignments FILE    Users and groups assigned to the Jostle app, as CSV
  --mapping FILE        Attribute mappings (default: the --app path's defaults)
  --scope FILE          Scope and scoping filters (default: assigned only with --assignments, else all users)
  --entra-schema FILE   Entra's synchronization schema, in place of --mapping and --scope
  --target T            mock (default: an empty mock started for this run) or a SCIM Base URL
  --confirm-host HOST   Required with a Base URL that is not on this computer: the URL's host name
  --token-env NAME      API key from environment variable NAME (default: the key saved in the OS keychain
                        for this Base URL)
  --max-users N         "Start small": touch at most N users (default ${DEFAULT_LIVE_MAX_USERS} for a Base URL; no limit on the mock)
  --cycles N            Cycles to run (default: one per import; extra cycles repeat the last import)
  --dialect D           PATCH dialect: default or aadOptscim062020 (default: with --app custom, a Tenant URL
                        ending in ?aadOptscim062020 selects aadOptscim062020; otherwise default)
  --skip-out-of-scope-deletions
                        Entra's SkipOutOfScopeDeletions: users who leave scope are not disabled (default off)
  --target-object-actions LIST
                        Target Object Actions that are ticked, e.g. create,update (default: the Entra
                        schema's, else create,update,delete as in a new job)
  --deletion-threshold N
                        Turn on accidental-deletion prevention with this threshold (default off, as in Entra)
  --permanently-deleted ID
                        A user (object id or UPN) permanently deleted in Entra: DELETE once missing from an
                        import (repeatable or comma-separated). Others missing are disabled, DELETEd after 30 days
  --days-between-cycles N
                        Simulated days between cycles (default: 40 minutes, Entra's incremental interval)
  --restart-before-cycle N
                        Restart the provisioning job before cycle N (repeatable): Entra forgets cached ids
  --log-out FILE        Write the provisioning log as Microsoft Graph provisioningObjectSummary JSON
  --faults SPEC         Mock only: faults to inject, e.g. 429@create:2,latency@filter:500 (see docs/mock-jostle.md)
  --concurrency N       Users processed at once (default 64 on the mock, 4 on a Base URL)
  --rate N              Requests per second cap (default none on the mock, 25 on a Base URL)
  --timeout SECONDS     Per-request timeout (default 30)
  --json                Print the summary as JSON
  -h, --help            Show this help

Exit codes: 0 no failures, 1 failures, quarantine, cancellation or an unreadable input file, 2 bad usage.`;

export function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        ...inputFileOptions,
        target: { type: 'string', default: 'mock' },
        'confirm-host': { type: 'string' },
        'token-env': { type: 'string' },
        'max-users': { type: 'string' },
        'next-users': { type: 'string', multiple: true },
        cycles: { type: 'string' },
        dialect: { type: 'string' },
        'skip-out-of-scope-deletions': { type: 'boolean', default: false },
        'target-object-actions': { type: 'string' },
        'deletion-threshold': { type: 'string' },
        'permanently-deleted': { type: 'string', multiple: true },
        'days-between-cycles': { type: 'string' },
        'restart-before-cycle': { type: 'string', multiple: true },
        'log-out': { type: 'string' },
        faults: { type: 'string' },
        concurrency: { type: 'string' },
        rate: { type: 'string' },
        timeout: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function positiveInteger(text: string | undefined, name: string, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new UsageError(`${name} must be a whole number from 1 to ${max}.`);
  return value;
}

/** The ticked Target Object Actions of --target-object-actions; undefined when not given (see dryRunDefaults). */
export function targetObjectActions(text: string | undefined) {
  if (text === undefined) return undefined;
  const names = text
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.filter((name) => !['create', 'update', 'delete'].includes(name));
  if (unknown.length > 0)
    throw new UsageError(`--target-object-actions takes create, update and delete, not “${unknown[0]}”.`);
  return {
    create: names.includes('create'),
    update: names.includes('update'),
    delete: names.includes('delete'),
  };
}

export function days(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 3650)
    throw new UsageError('--days-between-cycles must be a number of days from 0 to 3650.');
  return value;
}
