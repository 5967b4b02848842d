/**
 * Files the assistant keeps in its data folder besides settings.json. The CLI reads the same files, so
 * `npm run cli -- preview --mapping <data>/mapping.json` uses exactly what the app saved.
 *
 * Imported users and assignments belong together (one import writes both), so they live in a generation
 * folder `imports/<generation>/` named by the pointer file `imports/current.json`; a new import writes a new
 * folder completely and then switches the pointer with one rename (import-store.ts). Data folders from before
 * the pointer existed keep working: without a pointer, `imports/users.json` is read as before. Users are
 * saved as `users.ndjson` (saved-users.ts); a `users.json` from an older version is still read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const IMPORT_POINTER = 'current.json';

/** The current import generation: a folder name, null when imports were cleared, undefined for the old layout. */
export function currentImportGeneration(dataDir: string): string | null | undefined {
  let text: string;
  try {
    text = readFileSync(join(dataDir, 'imports', IMPORT_POINTER), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const value = JSON.parse(text) as { generation?: unknown };
    if (value.generation === null) return null;
    if (typeof value.generation === 'string' && /^g-[\w-]+$/.test(value.generation)) return value.generation;
  } catch {
    // A damaged pointer reads as "no import"; the next import writes a good one.
  }
  return null;
}

function importFile(dataDir: string, name: string): string {
  const generation = currentImportGeneration(dataDir);
  if (generation === undefined) return join(dataDir, 'imports', name);
  // A cleared import points nowhere; this name never exists, so readers see "nothing imported".
  return join(dataDir, 'imports', generation ?? 'cleared', name);
}

/**
 * The names ResultsStore keeps results under (results/<name>.json): the one definition that the handlers,
 * the dry-run session, the export and `dataFiles` below all use.
 */
export const RESULT_NAMES = { probeReport: 'probe-report', dryRunSummary: 'dry-run-summary' } as const;

const resultFile = (dataDir: string, name: string) => join(dataDir, 'results', `${name}.json`);

export const dataFiles = {
  /** The attribute mapping (shared/mapping `MappingConfig`); absent = the Jostle gallery defaults. */
  mapping: (dataDir: string) => join(dataDir, 'mapping.json'),
  /** The scope (shared/scoping `ScopeConfig`); absent = "Sync only assigned users and groups". */
  scope: (dataDir: string) => join(dataDir, 'scope.json'),
  /** Imported users, as JSON lines (saved-users.ts), read back into a compact table. Stays on this machine. */
  importedUsers: (dataDir: string) => importFile(dataDir, 'users.ndjson'),
  /** Imported users as saved before the JSON-lines format, `{ fileName, importedAt, users: SourceUser[] }`: still read. */
  legacyImportedUsers: (dataDir: string) => importFile(dataDir, 'users.json'),
  /** Imported assignments: `{ fileName, importedAt, assignments: AssignmentList }`. */
  importedAssignments: (dataDir: string) => importFile(dataDir, 'assignments.json'),
  /** The imported Entra synchronization schema: `{ fileName, importedAt, schema }` (shared/entra-schema). */
  entraSchema: (dataDir: string) => join(dataDir, 'imports', 'entra-schema.json'),
  /**
   * The Monitor step's analysis of the last provisioning-log import: `{ fileName, importedAt, source,
   * summary, warnings }` (shared/api/contracts/monitor). Only the summary is kept, never the log itself.
   */
  monitorAnalysis: (dataDir: string) => join(dataDir, 'imports', 'monitor-analysis.json'),
  /** Latest probe report (shared/api/contracts/probes `probeReportSchema`). */
  probeReport: (dataDir: string) => resultFile(dataDir, RESULT_NAMES.probeReport),
  /** Latest dry-run summary (shared/provisioning/summary `DryRunSummary`). */
  dryRunSummary: (dataDir: string) => resultFile(dataDir, RESULT_NAMES.dryRunSummary),
} as const;
