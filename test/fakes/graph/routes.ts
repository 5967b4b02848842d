/** The fake's endpoints. Permissions per endpoint are the least-privileged delegated ones Graph lists. */
import { graphError, type FakeGraph, type LoggedRequest } from './server';
import type { FakeApp } from './tenant';

interface Result {
  status: number;
  json?: unknown;
  headers?: Record<string, string>;
}

const READ = {
  apps: ['Application.Read.All', 'Application.ReadWrite.All'],
  sync: ['Synchronization.Read.All', 'Synchronization.ReadWrite.All'],
  write: ['Synchronization.ReadWrite.All'],
  users: ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All'],
  members: ['GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All'],
  logs: ['AuditLog.Read.All'],
};

function claimsOf(authorization: string | null): { scopes: string[]; exp: number; tid: string } | null {
  const token = authorization?.replace(/^Bearer /, '') ?? '';
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return {
      scopes: String(payload.scp ?? '').split(' '),
      exp: Number(payload.exp),
      tid: String(payload.tid),
    };
  } catch {
    return null;
  }
}

/** Pages a collection: `$top` (capped), `$skiptoken` as an offset, nextLink absolute like Graph's. */
function page(
  fake: FakeGraph,
  entry: LoggedRequest,
  items: unknown[],
  defaultTop: number,
  maxTop: number,
): Result {
  const top = Math.min(maxTop, fake.pageSize ?? maxTop, Number(entry.query.$top ?? defaultTop) || defaultTop);
  const offset = Number(entry.query.$skiptoken ?? 0);
  const slice = items.slice(offset, offset + top);
  const json: Record<string, unknown> = {
    '@odata.context': `${fake.url}/v1.0/$metadata#collection`,
    value: slice,
  };
  if (offset + top < items.length) {
    const params = new URLSearchParams({ ...entry.query, $skiptoken: String(offset + top) });
    json['@odata.nextLink'] = `${fake.url}${entry.path}?${params.toString()}`;
  }
  return { status: 200, json };
}

function select(
  item: Record<string, unknown>,
  entry: LoggedRequest,
  always: string[] = [],
): Record<string, unknown> {
  const fields = entry.query.$select?.split(',').filter(Boolean);
  if (!fields) return item;
  const picked: Record<string, unknown> = {};
  for (const field of [...always, ...fields]) if (field in item) picked[field] = item[field];
  return picked;
}

/** `startswith(displayName,'X')`, `applicationTemplateId eq 'X'`, `jobId eq 'X'`: all the fake understands. */
function matchesFilter(filter: string | undefined, item: Record<string, unknown>): boolean | 'bad' {
  if (!filter) return true;
  const starts = /^startswith\((\w+),'((?:[^']|'')*)'\)$/.exec(filter);
  if (starts)
    return String(item[starts[1]!] ?? '')
      .toLowerCase()
      .startsWith(starts[2]!.replace(/''/g, "'").toLowerCase());
  const eq = /^(\w+) eq '((?:[^']|'')*)'$/.exec(filter);
  if (eq) return String(item[eq[1]!] ?? '') === eq[2]!.replace(/''/g, "'");
  return 'bad';
}

export function routeGraph(fake: FakeGraph, entry: LoggedRequest, url: URL): Result {
  const claims = claimsOf(entry.authorization);
  if (!claims) return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
  if (claims.exp * 1000 <= Date.now())
    return graphError(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.');
  const need = (accepted: string[]): Result | null =>
    accepted.some((scope) => claims.scopes.includes(scope))
      ? null
      : graphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  const parts = url.pathname
    .replace(/^\/v1\.0\//, '')
    .split('/')
    .map(decodeURIComponent);
  const method = entry.method;
  const tenant = fake.tenant;

  if (parts[0] === 'users' && parts.length === 1 && method === 'GET') {
    return (
      need(READ.users) ??
      page(
        fake,
        entry,
        tenant.users.map((user) => select(user, entry)),
        100,
        999,
      )
    );
  }
  if (parts[0] === 'groups' && parts[2] === 'members' && method === 'GET') {
    const denied = need(READ.members);
    if (denied) return denied;
    const group = tenant.groups.find((candidate) => candidate.id === parts[1]);
    if (!group) return graphError(404, 'Request_ResourceNotFound', `Resource '${parts[1]}' does not exist.`);
    const members = [
      ...group.memberUsers.map((id) => ({
        '@odata.type': '#microsoft.graph.user',
        ...select({ id }, entry),
      })),
      ...group.memberGroups.map((id) => ({
        '@odata.type': '#microsoft.graph.group',
        ...select({ id }, entry),
      })),
    ];
    return page(fake, entry, members, 100, 999);
  }
  if (parts[0] === 'auditLogs' && parts[1] === 'provisioning' && method === 'GET') {
    const denied = need(READ.logs);
    if (denied) return denied;
    const matched = tenant.provisioningLogs.filter(
      (item) => matchesFilter(entry.query.$filter, item) === true,
    );
    return page(fake, entry, matched, 50, 1000);
  }
  if (parts[0] !== 'servicePrincipals')
    return graphError(400, 'BadRequest', `Resource not found for the segment '${parts[0]}'.`);

  if (parts.length === 1 && method === 'GET') {
    const denied = need(READ.apps);
    if (denied) return denied;
    const apps = tenant.apps as unknown as Array<Record<string, unknown>>;
    if (apps.some((app) => matchesFilter(entry.query.$filter, app) === 'bad'))
      return graphError(400, 'Request_UnsupportedQuery', 'Unsupported query.');
    return page(
      fake,
      entry,
      apps.filter((app) => matchesFilter(entry.query.$filter, app) === true).map((app) => select(app, entry)),
      100,
      999,
    );
  }
  const app = tenant.apps.find((candidate) => candidate.id === parts[1]);
  if (!app) return graphError(404, 'Request_ResourceNotFound', `Resource '${parts[1]}' does not exist.`);
  if (parts.length === 2 && method === 'GET')
    return need(READ.apps) ?? { status: 200, json: select(app as unknown as Record<string, unknown>, entry) };
  if (parts[2] === 'appRoleAssignedTo' && method === 'GET')
    return (
      need(READ.apps) ??
      page(
        fake,
        entry,
        app.assignments.map((item) => select(item, entry)),
        100,
        999,
      )
    );
  if (parts[2] === 'synchronization') return synchronization(fake, app, parts.slice(3), entry, need);
  return graphError(400, 'BadRequest', 'Unsupported segment.');
}

function synchronization(
  fake: FakeGraph,
  app: FakeApp,
  parts: string[],
  entry: LoggedRequest,
  need: (accepted: string[]) => Result | null,
): Result {
  const method = entry.method;
  if (parts[0] === 'secrets' && method === 'PUT') {
    const denied = need(READ.write);
    if (denied) return denied;
    const body = JSON.parse(entry.body) as { value: FakeApp['secrets'] };
    app.secrets = body.value;
    return { status: 204 };
  }
  if (parts[0] !== 'jobs') return graphError(400, 'BadRequest', 'Unsupported segment.');
  const read = method === 'GET' && !(parts[2] && parts[3]);
  const denied = need(read ? READ.sync : READ.write);
  if (denied) return denied;
  if (parts.length === 1 && method === 'GET')
    return { status: 200, json: { value: app.jobs.map(({ schema: _schema, ...job }) => job) } };
  const job = app.jobs.find((candidate) => candidate.id === parts[1]);
  if (!job) return graphError(404, 'ResourceNotFound', `The synchronization job ${parts[1]} was not found.`);
  const { schema: _schema, ...jobView } = job;
  if (parts.length === 2 && method === 'GET') return { status: 200, json: jobView };
  if (parts[2] === 'schema' && method === 'GET') return { status: 200, json: job.schema };
  if (parts[2] === 'schema' && method === 'PUT') {
    job.schema = JSON.parse(entry.body) as Record<string, unknown>;
    return { status: 204 };
  }
  if (parts[2] === 'validateCredentials' && method === 'POST') {
    const secrets = app.secrets;
    const ok = secrets.some((pair) => pair.key === 'SecretToken' && pair.value !== '');
    return ok
      ? { status: 204 }
      : graphError(400, 'BadRequest', 'The credentials could not be validated: no SecretToken.');
  }
  if ((parts[2] === 'start' || parts[2] === 'restart') && method === 'POST') {
    job.status = { ...job.status, code: 'Active', quarantine: null };
    return { status: 204 };
  }
  if (parts[2] === 'provisionOnDemand' && method === 'POST') {
    const body = JSON.parse(entry.body) as {
      parameters: Array<{ ruleId: string; subjects: Array<{ objectId: string }> }>;
    };
    const subject = body.parameters[0]?.subjects[0];
    const user = fake.tenant.users.find((candidate) => candidate.id === subject?.objectId);
    if (!user) return graphError(404, 'ResourceNotFound', 'The user was not found.');
    const steps = [
      {
        stepName: 'ImportObject',
        status: 'Success',
        description: `Retrieved ${String(user.userPrincipalName)} from the source system`,
      },
      { stepName: 'DetermineIfObjectInScope', status: 'Success', description: 'The user is in scope' },
      { stepName: 'MatchObject', status: 'Success', description: 'No matching user in the target system' },
      { stepName: 'EntryExportAdd', status: 'Success', description: 'Created the user in the target system' },
    ];
    return {
      status: 200,
      json: {
        '@odata.context': `${fake.url}/v1.0/$metadata#microsoft.graph.stringKeyStringValuePair`,
        key: 'Microsoft.Identity.Health.CPP.Common.DataContracts.SyncFabric.StatusInfo',
        value: JSON.stringify({ provisioningSteps: steps, modifiedProperties: [] }),
      },
    };
  }
  return graphError(400, 'BadRequest', 'Unsupported segment.');
}
