/**
 * `npm run cli -- mapping defaults --app gallery|custom [--json]`: the default attribute mappings Entra gives a
 * new app on each setup path, each with Jostle's verdict (issue 22). Reads no files and sends nothing.
 */
import { parseArgs } from 'node:util';
import { APP_PATH_LABELS, type AppPath } from '../../../shared/app-path/app-path';
import {
  defaultMappingFor,
  describeMappingSource,
  mappingVerdicts,
  SCIM_DEV_ONLY_ROWS,
  type AttributeMapping,
  type RowVerdict,
} from '../../../shared/mapping';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { APP_OPTION_HELP, appPathOption } from '../load-inputs';

const usage = `Usage: npm run cli -- mapping defaults [--app gallery|custom] [--json]

Prints the attribute mappings Microsoft Entra starts with on each setup path — source expression, target
attribute, matching precedence — and Jostle's verdict on each row: accepted, or what Jostle and Entra will do
and the one-click fix. Checked against our model of Jostle's schema (shared/jostle/schema.ts).

Options:
${APP_OPTION_HELP}
  --json                Print the rows as JSON
  -h, --help            Show this help

Exit codes: 0 printed, 2 bad usage.`;

const PATH_SOURCES: Readonly<Record<AppPath, string>> = {
  gallery:
    'Targets: the Jostle tutorial’s attribute table (JOSTLE-MS). Sources: our choices — Jostle does not publish them.',
  custom:
    'The portal defaults of a new non-gallery app (Entra’s `scim` job template; 3P-PORTAL-DEFAULTS), which we follow over SCIM-DEV’s example table.',
};

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        app: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export interface DefaultRowReport {
  source: string;
  mappingType: AttributeMapping['type'];
  target: string;
  matchingPrecedence: number | null;
  verdict: Omit<RowVerdict, 'mappingIndex' | 'target'>;
}

/** The rows with their verdicts, as `--json` prints them (also used by the tests). */
export function defaultRowsReport(appPath: AppPath): {
  appPath: AppPath;
  label: string;
  defaultsSource: string;
  schemaSource: 'model';
  rows: DefaultRowReport[];
  scimDevOnlyRows: Array<{ source: string; target: string }>;
} {
  const { mappings } = defaultMappingFor(appPath);
  const rows = mappingVerdicts(mappings).map(({ mappingIndex, target, ...verdict }) => {
    const mapping = mappings[mappingIndex]!;
    return {
      source: describeMappingSource(mapping),
      mappingType: mapping.type,
      target,
      matchingPrecedence: mapping.matchingPrecedence ?? null,
      verdict,
    };
  });
  return {
    appPath,
    label: APP_PATH_LABELS[appPath],
    defaultsSource: PATH_SOURCES[appPath],
    schemaSource: 'model',
    rows,
    scimDevOnlyRows:
      appPath === 'custom'
        ? SCIM_DEV_ONLY_ROWS.map((row) => ({ source: describeMappingSource(row), target: row.target }))
        : [],
  };
}

function verdictText(row: DefaultRowReport): string {
  const { verdict } = row;
  if (verdict.kind === 'accepted') return 'Jostle: accepted';
  const fix = verdict.fix?.kind === 'retarget' ? `map it to ${verdict.fix.target}` : 'remove the row';
  const kind = verdict.kind === 'rejected' ? 'REJECTED' : 'DROPPED ON CREATE';
  return `Jostle: ${kind} (${verdict.basis}). ${verdict.jostle} ${verdict.entra} Fix: ${fix}.`;
}

function printText(report: ReturnType<typeof defaultRowsReport>, io: CliIo): void {
  io.stdout(`Default attribute mappings: ${report.label}`);
  io.stdout(report.defaultsSource);
  io.stdout('Checked against: our model of Jostle’s schema (no live /Schemas read).');
  report.rows.forEach((row, index) => {
    const match = row.matchingPrecedence === null ? '' : `  [matching precedence ${row.matchingPrecedence}]`;
    io.stdout(`${String(index + 1).padStart(2)}. ${row.source} -> ${row.target}${match}`);
    io.stdout(`    ${verdictText(row)}`);
  });
  const flagged = report.rows.filter((row) => row.verdict.kind !== 'accepted').length;
  io.stdout(`${report.rows.length} rows: ${report.rows.length - flagged} accepted, ${flagged} flagged.`);
  if (report.scimDevOnlyRows.length) {
    io.stdout('In SCIM-DEV’s example table but not in the portal defaults (not applied):');
    for (const row of report.scimDevOnlyRows) io.stdout(`    ${row.source} -> ${row.target}`);
  }
}

export const mappingCommand: CliCommand = {
  name: 'mapping',
  summary: 'Print the default attribute mappings of the gallery or custom app, with Jostle’s verdict',
  usage,
  async run(args, io) {
    const { values, positionals } = parse(args);
    if (values.help) {
      io.stdout(usage);
      return 0;
    }
    if (positionals.length !== 1 || positionals[0] !== 'defaults') {
      throw new UsageError(
        positionals.length
          ? `Unknown mapping command "${positionals.join(' ')}"; try "mapping defaults".`
          : 'Say which: "mapping defaults".',
      );
    }
    const report = defaultRowsReport(appPathOption(values.app));
    if (values.json) io.stdout(JSON.stringify(report, null, 2));
    else printText(report, io);
    return 0;
  },
};
