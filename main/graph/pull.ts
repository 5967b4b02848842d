/**
 * `entra pull`: reads the chosen app's job, schema, assignments and users, and saves them exactly as the
 * Import step saves a CSV or Graph JSON import (main/app ConfigurationStore, shared/source-data parsers).
 * Everything is read and parsed first; only then is anything written, so a failure changes nothing.
 */
import { importSynchronizationSchema } from '../../shared/entra-schema';
import { GraphUsersImporter, type AssignmentList } from '../../shared/source-data';
import { importEntraSchemaInto } from '../api/entra-schema-handlers';
import type { AppContext } from '../app/context';
import type { GraphClient } from './client';
import { GraphError } from './errors';
import { savePullRecord, saveSchemaText, sha256, type PullRecord } from './saved-pull';
import { getApp, getProvisioningJob, getSchemaText, readAssignments, type JobView } from './tenant';
import { buildUserSelect } from './user-select';

export type PullProgress =
  | { phase: 'app' | 'job' | 'schema'; message: string }
  | { phase: 'assignments'; groupsDone: number; groups: number }
  | { phase: 'users'; users: number; pages: number };

/** One line per progress event, the same wording as the CLI's. */
export function describePullProgress(step: PullProgress): string {
  if (step.phase === 'users') return `Users: ${step.users.toLocaleString('en-US')} (page ${step.pages})`;
  if (step.phase === 'assignments') return `Group members: ${step.groupsDone} of ${step.groups} groups`;
  return step.message;
}

export interface PullOptions {
  appId: string;
  tenantId: string | null;
  tenantName?: string | null;
  onProgress?: (progress: PullProgress) => void;
  /**
   * Stops the pull between steps and between pages (the request in flight finishes first). Everything is
   * saved only after the last page, so a cancelled pull changes nothing.
   */
  signal?: AbortSignal;
}

/** Thrown when the pull's signal aborted: nothing was saved. */
export class PullCancelledError extends Error {
  override name = 'PullCancelledError';
  constructor() {
    super('The pull was cancelled. Nothing was changed.');
  }
}

export interface PullResult {
  record: PullRecord;
  job: JobView | null;
  assignments: { users: number; groups: number };
  warnings: string[];
}

export async function pullTenant(
  context: AppContext,
  client: GraphClient,
  options: PullOptions,
): Promise<PullResult> {
  const onProgress = options.onProgress ?? (() => undefined);
  const stopIfCancelled = () => {
    if (options.signal?.aborted) throw new PullCancelledError();
  };
  // Every step and page reports progress first: that is where a cancel takes effect.
  const progress = (step: PullProgress) => {
    stopIfCancelled();
    onProgress(step);
  };
  const [mapping, scope] = await Promise.all([
    context.configuration.mapping(),
    context.configuration.scope(),
  ]);
  progress({ phase: 'app', message: 'Reading the enterprise application' });
  const app = await getApp(client, options.appId);
  const warnings: string[] = [];

  progress({ phase: 'job', message: 'Reading the provisioning job' });
  let job: JobView | null = null;
  let schemaText: string | null = null;
  try {
    job = await getProvisioningJob(client, app.id);
  } catch (error) {
    // Users and assignments are still worth having before the job exists; say so and go on.
    if (!(error instanceof GraphError && error.kind === 'no-provisioning-job')) throw error;
    warnings.push(`${error.message} ${error.fix}`);
  }
  if (job) {
    progress({ phase: 'schema', message: 'Reading the synchronization schema' });
    schemaText = await getSchemaText(client, app.id, job.id);
  }

  const assignments: AssignmentList = await readAssignments(client, app, (step) =>
    progress({ phase: 'assignments', ...step }),
  );
  const nested = assignments.groups.filter((group) => group.memberGroups.length > 0);
  for (const group of nested)
    warnings.push(
      `Group ${group.displayName ?? group.id} contains ${group.memberGroups.length === 1 ? '1 nested group' : `${group.memberGroups.length} nested groups`}; ` +
        'Entra provisions only its direct members',
    );

  // The app's own schema is the truth for mapping and scope: the users are read for what it maps and filters.
  const fromSchema = schemaText === null ? null : importSynchronizationSchema(schemaText);
  if (fromSchema && !fromSchema.ok)
    warnings.push(
      `The app's synchronization schema could not be used (${fromSchema.error.message}); the saved mapping and scope were kept.`,
    );
  const select =
    fromSchema?.ok === true
      ? buildUserSelect(fromSchema.imported.mapping, {
          ...scope.config,
          filters: fromSchema.imported.filters,
        })
      : buildUserSelect(mapping.config, scope.config);
  if (select.unavailable.length)
    warnings.push(`Graph has no user property for ${select.unavailable.join(', ')}; those stay empty.`);
  // Each page goes straight into the compact table: neither page texts nor user objects pile up.
  const importer = new GraphUsersImporter();
  await client.eachPage(
    {
      path: '/users',
      query: {
        $select: select.select.join(','),
        $top: '999',
        ...(select.expand ? { $expand: select.expand } : {}),
      },
      action: 'readUsers',
      what: 'the users',
    },
    (page) => {
      const failed = importer.push({ name: `Graph /users page ${page.pageNumber}`, text: page.text });
      if (failed)
        throw new GraphError(
          'server',
          `Graph sent users the assistant cannot read: ${failed.error.message}`,
          'Nothing was changed.',
        );
      progress({ phase: 'users', users: page.total, pages: page.pageNumber });
    },
  );
  stopIfCancelled();
  const parsed = importer.finish();
  warnings.push(...parsed.warnings);
  if (parsed.value.length === 0)
    throw new GraphError('not-found', 'Graph returned no users for this tenant.', 'Nothing was changed.');

  // Everything is read: now save, the same way the Import step does. Past this point a cancel waits.
  stopIfCancelled();
  const importedAt = new Date().toISOString();
  const source = `Microsoft Graph: ${options.tenantName ?? options.tenantId ?? 'tenant'} / ${app.displayName}`;
  await context.configuration.saveImportedUsers({ fileName: source, importedAt, users: parsed.value });
  await context.configuration.saveImportedAssignments({ fileName: source, importedAt, assignments });
  if (schemaText !== null) {
    await saveSchemaText(context.dataDir, schemaText);
    // Mapping and scope from Entra's schema, saved exactly as Attribute mappings > Import Entra's schema does.
    if (fromSchema?.ok)
      await importEntraSchemaInto(context, schemaText, `${source} (synchronization schema)`);
  }
  const record: PullRecord = {
    graphUrl: client.graphUrl,
    tenantId: options.tenantId,
    tenantName: options.tenantName ?? null,
    app: { id: app.id, displayName: app.displayName, applicationTemplateId: app.applicationTemplateId },
    jobId: job?.id ?? null,
    pulledAt: importedAt,
    users: parsed.value.length,
    schemaSha256: schemaText === null ? null : sha256(schemaText),
  };
  await savePullRecord(context.dataDir, record);
  context.preview.invalidate();
  context.logger.log('info', 'entra pull saved', {
    users: parsed.value.length,
    groups: assignments.groups.length,
  });
  return {
    record,
    job,
    assignments: { users: assignments.users.length, groups: assignments.groups.length },
    warnings,
  };
}
