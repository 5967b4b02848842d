/**
 * Files the assistant keeps in its data folder besides settings.json. The CLI reads the same files, so
 * `npm run cli -- preview --mapping <data>/mapping.json` uses exactly what the app saved.
 */
import { join } from 'node:path';

export const dataFiles = {
  /** The attribute mapping (shared/mapping `MappingConfig`); absent = the Jostle gallery defaults. */
  mapping: (dataDir: string) => join(dataDir, 'mapping.json'),
  /** The scope (shared/scoping `ScopeConfig`); absent = "Sync only assigned users and groups". */
  scope: (dataDir: string) => join(dataDir, 'scope.json'),
  /** Imported users: `{ fileName, importedAt, users: SourceUser[] }`. Stays on this machine. */
  importedUsers: (dataDir: string) => join(dataDir, 'imports', 'users.json'),
  /** Imported assignments: `{ fileName, importedAt, assignments: AssignmentList }`. */
  importedAssignments: (dataDir: string) => join(dataDir, 'imports', 'assignments.json'),
  /** The imported Entra synchronization schema: `{ fileName, importedAt, schema }` (shared/entra-schema). */
  entraSchema: (dataDir: string) => join(dataDir, 'imports', 'entra-schema.json'),
  /** Latest probe report (shared/api/contracts/probes `probeReportSchema`). */
  probeReport: (dataDir: string) => join(dataDir, 'results', 'probe-report.json'),
  /** Latest dry-run summary (shared/provisioning/summary `DryRunSummary`). */
  dryRunSummary: (dataDir: string) => join(dataDir, 'results', 'dry-run-summary.json'),
} as const;
