/** Which app and job an action is about: the one the admin picked, else the one the last pull read. */
import type { AppContext } from '../app/context';
import type { ApplyTarget } from './apply';
import type { GraphClient } from './client';
import { GraphError } from './errors';
import { readPullRecord } from './saved-pull';
import { listJostleApps, type JostleApp } from './tenant';
import type { GraphIdentity } from './token-source';

export function tenantLabel(identity: GraphIdentity | null): string {
  const domain = identity?.user?.split('@')[1];
  return domain ?? identity?.tenantId ?? 'this tenant';
}

/** The app to read: `appId` if given; else the only Jostle app; several give a "pick one" error listing them. */
export async function chooseApp(
  client: GraphClient,
  appId?: string,
): Promise<{ id: string; apps: JostleApp[] }> {
  if (appId) return { id: appId, apps: [] };
  const apps = await listJostleApps(client);
  if (apps.length === 1) return { id: apps[0]!.id, apps };
  if (apps.length === 0)
    throw new GraphError(
      'not-found',
      'No enterprise application whose name starts with “Jostle” is in this tenant.',
      'Add it from **Enterprise applications > New application** (search for Jostle), or pass the app’s object ID.',
    );
  const list = apps.map(
    (app) => `${app.id}  ${app.displayName}${app.applicationTemplateId ? ' (gallery)' : ' (non-gallery)'}`,
  );
  throw new GraphError(
    'bad-request',
    `This tenant has ${apps.length} Jostle apps:\n  ${list.join('\n  ')}`,
    'Pick one (--app ID in the CLI).',
  );
}

/** The apply target from the last pull: apply only ever acts on what was read and verified. */
export async function applyTargetFor(
  context: AppContext,
  identity: GraphIdentity | null,
): Promise<ApplyTarget> {
  const record = await readPullRecord(context.dataDir);
  if (!record)
    throw new GraphError(
      'not-found',
      'Nothing was pulled from Entra yet.',
      'Pull first, check the preview and dry run, then apply.',
    );
  if (!record.jobId)
    throw new GraphError(
      'no-provisioning-job',
      'The app had no provisioning job when it was pulled.',
      'Create it in **Enterprise applications > (the Jostle app) > Provisioning > Get started**, then pull again.',
    );
  if (identity?.tenantId && record.tenantId && identity.tenantId !== record.tenantId)
    throw new GraphError(
      'bad-request',
      `You are signed in to tenant ${identity.tenantId}, but the pull came from ${record.tenantId}.`,
      'Sign in to the tenant you pulled from, or pull again.',
    );
  return {
    tenantLabel: tenantLabel(identity),
    appId: record.app.id,
    appName: record.app.displayName,
    jobId: record.jobId,
    schemaSha256: record.schemaSha256,
  };
}
