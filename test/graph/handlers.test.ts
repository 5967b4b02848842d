import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import { createHandlers, type HandlerTable } from '../../main/api/handlers';
import { environmentTokenSource, graphSession } from '../../main/graph';
import { parseProvisioningLogs, summariseProvisioningLogs } from '../../shared/provisioning-logs';
import {
  generateSyntheticTenant,
  parseAssignmentsCsv,
  parseDownloadUsersCsv,
  toAssignmentsCsv,
  toDownloadUsersCsv,
} from '../../shared/source-data';
import { FakeGraph } from '../fakes/graph/server';
import { buildFakeTenant } from '../fakes/graph/tenant';
import { createTestContext, type TestContext } from '../support/context';
import { READ_AND_WRITE } from './helpers';

const synthetic = generateSyntheticTenant({ users: 2400, seed: 31, groups: 12 });
const usersCsv = toDownloadUsersCsv(synthetic.users);
const assignmentsCsv = toAssignmentsCsv(synthetic.assignments);
let fake: FakeGraph;
let graph: TestContext;
let csv: TestContext;
let handlers: HandlerTable;

async function call(table: HandlerTable, channel: string, payload: unknown = {}) {
  const envelope = await dispatch(table, channel, payload);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as Record<string, unknown> & { [key: string]: never };
}

function logEvent(index: number, jobId: string, status: 'success' | 'failure') {
  return {
    id: `event-${index}`,
    activityDateTime: new Date(Date.UTC(2026, 11, 1, 10, 0, index)).toISOString(),
    jobId,
    cycleId: 'cycle-1',
    changeId: `change-${index}`,
    provisioningAction: 'create',
    sourceIdentity: { id: synthetic.users[index]!.objectId, displayName: 'User', identityType: 'User' },
    targetIdentity: { id: '', displayName: '', identityType: 'User' },
    provisioningStatusInfo: {
      status,
      errorInformation:
        status === 'failure'
          ? { errorCode: 'SystemForCrossDomainIdentityManagementBadRequest', reason: 'Jostle said 400' }
          : null,
    },
  };
}

beforeAll(async () => {
  const users = parseDownloadUsersCsv(usersCsv);
  const assignments = parseAssignmentsCsv(assignmentsCsv);
  if (!users.ok || !assignments.ok) throw new Error('fixture');
  const tenant = buildFakeTenant(users.value, assignments.value);
  const jobId = tenant.apps[0]!.jobs[0]!.id;
  tenant.provisioningLogs = [
    ...Array.from({ length: 120 }, (_, index) =>
      logEvent(index, jobId, index % 10 === 0 ? 'failure' : 'success'),
    ),
    ...Array.from({ length: 30 }, (_, index) => logEvent(index, 'some-other-job', 'success')),
  ];
  fake = new FakeGraph(tenant);
  fake.pageSize = 300;
  await fake.start();
  graph = await createTestContext();
  csv = await createTestContext();
  handlers = createHandlers(graph.context);
  const session = await graphSession(graph.context);
  // The stand-in for a sign-in: a token from the fake, the same seam `--graph-token-env` uses.
  session.override = {
    tokens: environmentTokenSource(fake.issueToken({ scopes: READ_AND_WRITE, upn: 'admin@contoso.example' })),
    graphUrl: fake.url,
  };
});
afterAll(async () => {
  await fake.stop();
  await graph.cleanup();
  await csv.cleanup();
});

describe('Graph handlers end to end against the fake', () => {
  it('lists the Jostle apps, and the job of the one without provisioning says how to create it', async () => {
    const { apps } = (await call(handlers, 'graphListApps')) as unknown as {
      apps: Array<{ id: string; applicationTemplateId: string | null }>;
    };
    expect(apps.map((app) => app.id)).toEqual(['sp-jostle-1', 'sp-other']);
    const none = (await call(handlers, 'graphJobStatus', { appId: 'sp-other' })) as unknown as {
      job: null;
      problem: string;
    };
    expect(none.job).toBeNull();
    expect(none.problem).toMatch(/no provisioning job yet/);
  });

  it('pulls the tenant; the preview equals the one from the same data imported as CSV', async () => {
    const pulled = (await call(handlers, 'graphPull', { appId: 'sp-jostle-1' })) as unknown as {
      users: number;
      groups: number;
      warnings: string[];
    };
    expect(pulled.users).toBe(2400);
    expect(pulled.groups).toBe(12);
    expect(pulled.warnings.join(' ')).toMatch(/nested group/);
    const csvHandlers = createHandlers(csv.context);
    await call(csvHandlers, 'importUsers', { files: [{ name: 'users.csv', text: usersCsv }] });
    await call(csvHandlers, 'importAssignments', { file: { name: 'assignments.csv', text: assignmentsCsv } });
    const page = { show: 'all', offset: 0, limit: 500 };
    for (let offset = 0; offset < 2400; offset += 500) {
      const fromGraph = await call(handlers, 'getPreview', { ...page, offset });
      const fromCsv = await call(csvHandlers, 'getPreview', { ...page, offset });
      expect(fromGraph).toEqual(fromCsv);
    }
    const status = await call(handlers, 'getImportStatus');
    expect(status).toMatchObject({ users: { count: 2400 } });
  });

  it('a failed pull changes nothing that was saved', async () => {
    const before = await call(handlers, 'getImportStatus');
    fake.faults.push({
      path: /\/users$/,
      status: 403,
      times: 50,
      body: {
        error: {
          code: 'Authorization_RequestDenied',
          message: 'Insufficient privileges to complete the operation.',
        },
      },
    });
    const envelope = await dispatch(handlers, 'graphPull', { appId: 'sp-jostle-1' });
    fake.faults.length = 0;
    expect(envelope).toMatchObject({ ok: false, error: { code: 'not-available' } });
    expect(!envelope.ok && envelope.error.message).toMatch(/User\.Read\.All/);
    expect(await call(handlers, 'getImportStatus')).toEqual(before);
  });

  it('cancelJob stops a pull between pages: it finishes as cancelled and changes nothing', async () => {
    const before = await call(handlers, 'getImportStatus');
    const seen: Array<{ type: string; outcome?: string; progress?: { message: string } }> = [];
    const unsubscribe = graph.context.events.subscribe((channel, event) => {
      if (channel === 'graphPullJob') seen.push(event as (typeof seen)[number]);
    });
    // Cancel when Graph is asked for the first page of users: the pull is well under way, nothing saved.
    const log = fake.log;
    const push = log.push.bind(log);
    let usersPages = 0;
    log.push = (...entries) => {
      for (const entry of entries)
        if (/\/users(\?|$)/.test(entry.path) && ++usersPages === 1)
          void dispatch(handlers, 'cancelJob', { channel: 'graphPullJob' });
      return push(...entries);
    };
    const envelope = await dispatch(handlers, 'graphPull', { appId: 'sp-jostle-1' });
    log.push = push;
    unsubscribe();
    // It stopped after the page in flight: it did not read all 8.
    expect(usersPages).toBeLessThan(8);
    expect(envelope).toMatchObject({ ok: false, error: { message: expect.stringContaining('cancelled') } });
    expect(seen.at(-1)).toMatchObject({ type: 'finished', outcome: 'cancelled' });
    expect(await call(handlers, 'getImportStatus')).toEqual(before);
    // The slot is free again: cancelling now finds nothing to stop.
    expect(await call(handlers, 'cancelJob', { channel: 'graphPullJob' })).toEqual({ cancelled: false });
  });

  it('plans an apply with the exact request and refuses it without the typed confirmation', async () => {
    const plan = (await call(handlers, 'graphPlanApply', { action: 'restart' })) as unknown as {
      confirmation: string;
      requests: Array<{ method: string; url: string; body: string }>;
    };
    expect(plan.confirmation).toBe('contoso.example/Jostle');
    expect(plan.requests).toHaveLength(1);
    expect(plan.requests[0]!.url).toMatch(/\/synchronization\/jobs\/.+\/restart$/);
    const writes = () => fake.log.filter((entry) => entry.method !== 'GET').length;
    const before = writes();
    const refused = await dispatch(handlers, 'graphApply', { action: 'restart', confirm: 'yes' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(writes()).toBe(before);
    const done = await call(handlers, 'graphApply', { action: 'restart', confirm: plan.confirmation });
    expect(done).toMatchObject({ statuses: [204] });
    expect(writes()).toBe(before + 1);
  });

  it('provision on demand answers with Entra’s steps and the preview’s prediction side by side', async () => {
    const user = synthetic.users[7]!;
    const result = (await call(handlers, 'graphApply', {
      action: 'provision-user',
      user: user.userPrincipalName,
      confirm: 'contoso.example/Jostle',
    })) as unknown as {
      steps: Array<{ name: string }>;
      prediction: { inScope: boolean } | null;
    };
    expect(result.steps.map((step) => step.name)).toContain('EntryExportAdd');
    expect(result.prediction).not.toBeNull();
  });

  it('reads the job’s provisioning logs over pages into the Monitor analysis, only that job’s events', async () => {
    const logs = (await call(handlers, 'graphProvisioningLogs')) as unknown as {
      text: string;
      events: number;
    };
    expect(logs.events).toBe(120);
    const filters = fake.log.filter((entry) => entry.path === '/v1.0/auditLogs/provisioning');
    expect(filters.length).toBeGreaterThan(0);
    expect(filters[0]!.query.$filter).toBe(`jobId eq '${fake.tenant.apps[0]!.jobs[0]!.id}'`);
    const parsed = parseProvisioningLogs(logs.text, { fileName: 'graph.json' });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rows).toHaveLength(120);
    const summary = summariseProvisioningLogs(parsed.rows);
    expect(JSON.stringify(summary)).toContain('SystemForCrossDomainIdentityManagementBadRequest');
  });

  it('shows pull progress while it runs and refuses a second pull meanwhile', async () => {
    fake.faults.push({ path: /\/users$/, status: 429, headers: { 'retry-after': '1' }, times: 1 });
    const pushed: { type: string; progress?: { message: string }; outcome?: string }[] = [];
    const unsubscribe = graph.context.events.subscribe((channel, event) => {
      if (channel === 'graphPullJob') pushed.push(event as (typeof pushed)[number]);
    });
    const running = dispatch(handlers, 'graphPull', { appId: 'sp-jostle-1' });
    let seen: string | null = null;
    for (let attempt = 0; attempt < 40 && seen === null; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen = ((await call(handlers, 'graphPullProgress')) as unknown as { message: string | null }).message;
    }
    expect(seen).not.toBeNull();
    expect(await dispatch(handlers, 'graphPull', { appId: 'sp-jostle-1' })).toMatchObject({
      ok: false,
      error: { code: 'busy' },
    });
    expect(await running).toMatchObject({ ok: true });
    expect(await call(handlers, 'graphPullProgress')).toEqual({ message: null });
    unsubscribe();
    // The same lines by push (graphPullJob), one job from started to finished.
    expect(pushed[0]?.type).toBe('started');
    expect(pushed.some((event) => event.type === 'progress' && event.progress!.message.length > 0)).toBe(
      true,
    );
    expect(pushed.at(-1)).toMatchObject({ type: 'finished', outcome: 'succeeded' });
  });

  it('saves sign-in settings, refusing a tenant that is not an ID or a domain', async () => {
    const bad = await dispatch(handlers, 'graphSaveSettings', {
      tenant: 'evil.example/../x',
      clientId: null,
      cloud: 'global',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const saved = await call(handlers, 'graphSaveSettings', {
      tenant: 'contoso.example',
      clientId: '00000000-1111-2222-3333-444444444444',
      cloud: 'usGovernment',
    });
    expect(saved).toMatchObject({ settings: { tenant: 'contoso.example', cloud: 'usGovernment' } });
  });

  it('never returns a token in a response', async () => {
    const view = await call(handlers, 'graphGetView');
    expect(JSON.stringify(view)).not.toMatch(/eyJ|fake-signature/);
    expect(view).toMatchObject({
      requiredRole: 'Cloud Application Administrator',
      identity: { user: 'admin@contoso.example' },
    });
  });
});
