/**
 * Real runs for the export tests: the app's handlers over a real context (conf settings, real keychain),
 * the probes against the real mock, a real small dry run, and import files as the app stores them.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { z } from 'zod';
import { dispatch } from '../../main/api/dispatch';
import { exportHandlers } from '../../main/api/export-handlers';
import { createHandlers, type HandlerTable } from '../../main/api/handlers';
import { dataFiles } from '../../main/app/data-files';
import type { AppContext } from '../../main/app/context';
import { startMockJostle, type FaultSpec } from '../../main/mock-jostle';
import { runDryRun } from '../../main/provisioning';
import { apiChannels } from '../../shared/api/contract';
import { exportContract } from '../../shared/api/contracts/export';
import { ApiError, type ApiEnvelope } from '../../shared/api/errors';
import { GALLERY_DEFAULT_CONFIG, type MappingConfig } from '../../shared/mapping';
import type { DryRunSummary } from '../../shared/provisioning/summary';
import { DEFAULT_SCOPE_CONFIG, type ScopeConfig } from '../../shared/scoping';
import { generateSyntheticTenant, type AssignmentList, type SourceUser } from '../../shared/source-data';

export type ExportTable = HandlerTable & ReturnType<typeof exportHandlers>;

/** The handler table the app will have once the lead registers the export channel. */
export function handlersFor(context: AppContext): ExportTable {
  return { ...createHandlers(context), ...exportHandlers(context) };
}

type ExportRequest = z.input<(typeof exportContract)['exportSummary']['request']>;

/**
 * exportSummary through `dispatch` once the channel is in the main contract; until then the same steps
 * dispatch takes (validate the request, run the handler, validate the response) against the export contract.
 */
export async function callExport(handlers: ExportTable, request: unknown): Promise<ApiEnvelope<unknown>> {
  if ((apiChannels as readonly string[]).includes('exportSummary')) {
    return dispatch(handlers as unknown as HandlerTable, 'exportSummary', request);
  }
  const { request: requestSchema, response } = exportContract.exportSummary;
  const parsed = requestSchema.safeParse(request);
  if (!parsed.success)
    return { ok: false, error: { code: 'invalid-request', message: parsed.error.message } };
  try {
    return { ok: true, value: response.parse(await handlers.exportSummary(parsed.data)) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toBody() };
    throw error;
  }
}

export async function exportAs(handlers: ExportTable, request: ExportRequest) {
  const answer = await callExport(handlers, request);
  if (!answer.ok) throw new Error(`export failed: ${answer.error.message}`);
  return answer.value as z.output<(typeof exportContract)['exportSummary']['response']>;
}

/** The read-only probes against the context's embedded mock, saved as the app saves them. */
export async function runMockProbes(handlers: ExportTable, faults: FaultSpec[] = []) {
  await handlers.startMock({ seedUsers: 3 });
  await handlers.setMockFaults({ faults });
  return handlers.runProbes({ target: 'mock', write: false });
}

export interface DryRunOptions {
  users?: SourceUser[];
  assignments?: AssignmentList;
  faults?: FaultSpec[];
  /** The mock's token: pass the saved key to make the dry run use it. */
  token?: string;
}

/** A small real dry run against its own mock, saved where the app keeps the latest summary. */
export async function runSmallDryRun(
  context: AppContext,
  options: DryRunOptions = {},
): Promise<DryRunSummary> {
  const tenant = generateSyntheticTenant({ users: 6, seed: 11 });
  const users = (options.users ?? tenant.users).map((user) => ({
    ...user,
    attributes: { ...user.attributes, accountEnabled: true },
  }));
  const assignments = options.assignments ?? {
    users: users.map((user) => ({ id: user.objectId, appRole: 'User' })),
    groups: [],
  };
  const mock = await startMockJostle({
    faults: options.faults ?? [],
    ...(options.token ? { token: options.token } : {}),
  });
  try {
    const result = await runDryRun({
      target: { kind: 'mock', baseUrl: mock.baseUrl, token: mock.token },
      snapshots: [{ users, assignments, scope: DEFAULT_SCOPE_CONFIG, mapping: GALLERY_DEFAULT_CONFIG }],
      concurrency: 4,
      retryAttempts: 2,
      retryBaseDelayMs: 5,
      timeouts: { connectMs: 1_000, headersMs: 1_000, bodyMs: 1_000 },
      clientOptions: { env: {} },
    });
    const summary: DryRunSummary = result.summary;
    await context.results.save('dry-run-summary', summary);
    return summary;
  } finally {
    await mock.close();
  }
}

function writeJson(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value, null, 2));
}

export function saveMapping(dataDir: string, config: MappingConfig): void {
  writeJson(dataFiles.mapping(dataDir), config);
}

export function saveScope(dataDir: string, config: ScopeConfig): void {
  writeJson(dataFiles.scope(dataDir), config);
}

export function saveImports(dataDir: string, users: SourceUser[], assignments: AssignmentList): void {
  const importedAt = '2025-03-04T09:10:11.000Z';
  // The format before JSON lines: what an admin upgrading has on disk, read as the app reads it.
  writeJson(dataFiles.legacyImportedUsers(dataDir), {
    fileName: 'exportUsers_2025-3-4.csv',
    importedAt,
    users,
  });
  writeJson(dataFiles.importedAssignments(dataDir), { fileName: 'assignments.csv', importedAt, assignments });
}

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
