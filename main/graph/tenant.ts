/**
 * Reads of the admin's tenant: the Jostle enterprise application(s), the provisioning job and its status,
 * the synchronization schema, and who is assigned. Each call names the permission it needs, so a 403 says
 * exactly what to grant.
 */
import type { AssignedGroup, AssignmentList } from '../../shared/source-data';
import type { GraphClient } from './client';
import { GraphError } from './errors';

export interface JostleApp {
  id: string;
  appId: string;
  displayName: string;
  /** Set for apps added from the Entra gallery; null for a non-gallery ("custom") app. */
  applicationTemplateId: string | null;
}

export interface JobView {
  id: string;
  templateId: string | null;
  /** Graph's status.code: NotConfigured, NotRun, Active, Paused, Quarantine. */
  state: string;
  lastCycle: { state: string; startedAt: string | null; endedAt: string | null; error: string | null } | null;
  quarantine: { reason: string | null; since: string | null; nextAttempt: string | null } | null;
  /** The newest `status.progress` entry, e.g. 1,200 of 3,000 units, while a cycle runs. */
  progress: { completed: number; total: number; units: string } | null;
}

const seg = encodeURIComponent;

/**
 * Enterprise applications whose name starts with "Jostle". We match on the name, not a template id: no
 * public source gives the Jostle gallery template's id, and a non-gallery app has none. The admin picks.
 */
export async function listJostleApps(client: GraphClient, nameStartsWith = 'Jostle'): Promise<JostleApp[]> {
  const items = await client.pages({
    path: '/servicePrincipals',
    query: {
      $filter: `startswith(displayName,'${nameStartsWith.replace(/'/g, "''")}')`,
      $select: 'id,appId,displayName,applicationTemplateId',
      $top: '100',
    },
    action: 'readApps',
    what: 'the enterprise applications',
  });
  return (items as Array<Record<string, unknown>>).map((item) => ({
    id: String(item.id),
    appId: String(item.appId ?? ''),
    displayName: String(item.displayName ?? ''),
    applicationTemplateId: typeof item.applicationTemplateId === 'string' ? item.applicationTemplateId : null,
  }));
}

export async function getApp(client: GraphClient, id: string): Promise<JostleApp & { appRoles: AppRole[] }> {
  const { json } = await client.request({
    method: 'GET',
    path: `/servicePrincipals/${seg(id)}`,
    query: { $select: 'id,appId,displayName,applicationTemplateId,appRoles' },
    action: 'readApps',
    what: `the enterprise application ${id}`,
  });
  const item = json as Record<string, unknown>;
  return {
    id: String(item.id),
    appId: String(item.appId ?? ''),
    displayName: String(item.displayName ?? ''),
    applicationTemplateId: typeof item.applicationTemplateId === 'string' ? item.applicationTemplateId : null,
    appRoles: Array.isArray(item.appRoles) ? (item.appRoles as AppRole[]) : [],
  };
}

interface AppRole {
  id: string;
  displayName?: string;
  value?: string | null;
}

const NO_JOB_FIX =
  'In **Entra admin center > Enterprise applications > (the Jostle app) > Provisioning**, choose **Get ' +
  'started** (or **Connect your application**), set **Provisioning Mode** to **Automatic** and save once; ' +
  'that creates the provisioning job.';

function toJobView(raw: Record<string, unknown>): JobView {
  const status = (raw.status ?? {}) as Record<string, unknown>;
  const last = status.lastExecution as Record<string, unknown> | null | undefined;
  const quarantine = status.quarantine as Record<string, unknown> | null | undefined;
  const lastError = last?.error as Record<string, unknown> | null | undefined;
  const progressList = Array.isArray(status.progress)
    ? (status.progress as Array<Record<string, unknown>>)
    : [];
  const latest = progressList[progressList.length - 1];
  return {
    id: String(raw.id),
    templateId: typeof raw.templateId === 'string' ? raw.templateId : null,
    progress:
      latest && typeof latest.completedUnits === 'number' && typeof latest.totalUnits === 'number'
        ? {
            completed: latest.completedUnits,
            total: latest.totalUnits,
            units: String(latest.units ?? 'units'),
          }
        : null,
    state: typeof status.code === 'string' ? status.code : 'Unknown',
    lastCycle: last
      ? {
          state: String(last.state ?? ''),
          startedAt: typeof last.timeBegan === 'string' ? last.timeBegan : null,
          endedAt: typeof last.timeEnded === 'string' ? last.timeEnded : null,
          error: lastError && typeof lastError.message === 'string' ? lastError.message : null,
        }
      : null,
    quarantine: quarantine
      ? {
          reason: typeof quarantine.reason === 'string' ? quarantine.reason : null,
          since: typeof quarantine.currentBegan === 'string' ? quarantine.currentBegan : null,
          nextAttempt: typeof quarantine.nextAttempt === 'string' ? quarantine.nextAttempt : null,
        }
      : null,
  };
}

/** The app's provisioning job. No job at all is its own failure, with the portal steps that create one. */
export async function getProvisioningJob(
  client: GraphClient,
  appId: string,
  jobId?: string,
): Promise<JobView> {
  if (jobId) {
    const { status, json } = await client.request({
      method: 'GET',
      path: `/servicePrincipals/${seg(appId)}/synchronization/jobs/${seg(jobId)}`,
      action: 'readJob',
      what: `the provisioning job ${jobId}`,
      allow: [404],
    });
    if (status === 404)
      throw new GraphError(
        'not-found',
        `The provisioning job ${jobId} no longer exists on this app (it may have been deleted or recreated).`,
        'Pull again to pick up the current job.',
        404,
      );
    return toJobView(json as Record<string, unknown>);
  }
  const { status, json } = await client.request({
    method: 'GET',
    path: `/servicePrincipals/${seg(appId)}/synchronization/jobs`,
    action: 'readJob',
    what: 'the provisioning jobs',
    allow: [404],
  });
  const jobs = status === 404 ? [] : ((json as { value?: unknown[] }).value ?? []);
  if (jobs.length === 0)
    throw new GraphError('no-provisioning-job', 'This app has no provisioning job yet.', NO_JOB_FIX, status);
  return toJobView(jobs[0] as Record<string, unknown>);
}

/** A plain sentence about a quarantined job, with the fix; null when the job is not quarantined. */
export function quarantineMessage(job: JobView): string | null {
  if (job.state !== 'Quarantine' && !job.quarantine) return null;
  const reason = job.quarantine?.reason ? ` (reason: ${job.quarantine.reason})` : '';
  const next = job.quarantine?.nextAttempt ? ` Entra tries again at ${job.quarantine.nextAttempt}.` : '';
  return (
    `The provisioning job is in quarantine${reason}.${next} Fix the cause shown under **Enterprise ` +
    'applications > (the Jostle app) > Provisioning > View provisioning details**, usually the Admin ' +
    'Credentials (run **Test Connection**), then **Restart provisioning**.'
  );
}

/** The job's synchronization schema exactly as Graph sent it (text), so it can be saved untouched. */
export async function getSchemaText(client: GraphClient, appId: string, jobId: string): Promise<string> {
  const { text } = await client.request({
    method: 'GET',
    path: `/servicePrincipals/${seg(appId)}/synchronization/jobs/${seg(jobId)}/schema`,
    action: 'readJob',
    what: 'the synchronization schema',
  });
  return text;
}

/** Entra's "Default Access" role when an app has no roles of its own. */
const DEFAULT_ACCESS = '00000000-0000-0000-0000-000000000000';

export interface AssignmentProgress {
  groupsDone: number;
  groups: number;
}

/**
 * Users and groups assigned to the app, with each group's direct members: Entra provisions the direct
 * members of an assigned group only, never members of nested groups (key SCOPE in the fidelity doc).
 */
export async function readAssignments(
  client: GraphClient,
  app: { id: string; appRoles: AppRole[] },
  onProgress?: (progress: AssignmentProgress) => void,
): Promise<AssignmentList> {
  const roleName = (id: unknown) => {
    if (id === DEFAULT_ACCESS) return 'Default Access';
    const role = app.appRoles.find((candidate) => candidate.id === id);
    return role ? (role.displayName ?? role.value ?? null) : null;
  };
  const assigned = (await client.pages({
    path: `/servicePrincipals/${seg(app.id)}/appRoleAssignedTo`,
    query: { $select: 'principalId,principalType,principalDisplayName,appRoleId', $top: '999' },
    action: 'readAssignments',
    what: 'the users and groups assigned to the app',
  })) as Array<Record<string, unknown>>;
  const users: AssignmentList['users'] = [];
  const groups: AssignedGroup[] = [];
  for (const item of assigned) {
    const id = String(item.principalId);
    if (item.principalType === 'User') users.push({ id, appRole: roleName(item.appRoleId) });
    if (item.principalType === 'Group')
      groups.push({
        id,
        displayName: typeof item.principalDisplayName === 'string' ? item.principalDisplayName : null,
        memberUsers: [],
        memberGroups: [],
        appRole: roleName(item.appRoleId),
      });
  }
  let groupsDone = 0;
  for (const group of groups) {
    const members = (await client.pages({
      path: `/groups/${seg(group.id)}/members`,
      query: { $select: 'id', $top: '999' },
      action: 'readAssignments',
      what: `the members of the group ${group.displayName ?? group.id}`,
    })) as Array<Record<string, unknown>>;
    for (const member of members) {
      const type = String(member['@odata.type'] ?? '');
      if (type === '#microsoft.graph.user') group.memberUsers.push(String(member.id));
      else if (type === '#microsoft.graph.group') group.memberGroups.push(String(member.id));
    }
    groupsDone += 1;
    onProgress?.({ groupsDone, groups: groups.length });
  }
  return { users, groups };
}
