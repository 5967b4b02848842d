import { ServerError } from '@azure/msal-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGraphClient, getProvisioningJob, GraphError, quarantineMessage } from '../../main/graph';
import { explainSignInError } from '../../main/graph/errors';
import { environmentTokenSource } from '../../main/graph/token-source';
import { generateSyntheticTenant } from '../../shared/source-data';
import { FakeGraph } from '../fakes/graph/server';
import { buildFakeTenant } from '../fakes/graph/tenant';
import { ALL_READ } from './helpers';

const synthetic = generateSyntheticTenant({ users: 30, seed: 2 });
let fake: FakeGraph;

function clientWith(token: string, options: { maxRetryWaitMs?: number } = {}) {
  const source = environmentTokenSource(token);
  return createGraphClient({ graphUrl: fake.url, token: (action) => source.token(action), ...options });
}

async function failure(promise: Promise<unknown>): Promise<GraphError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(GraphError);
  return error as GraphError;
}

beforeAll(async () => {
  fake = new FakeGraph(buildFakeTenant(synthetic.users, synthetic.assignments));
  await fake.start();
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.log.length = 0;
  fake.faults.length = 0;
});

describe('Graph failures get a specific message with the fix', () => {
  it('an expired token is caught before any request, naming how to get a new one', async () => {
    const error = await failure(
      clientWith(fake.issueToken({ scopes: ALL_READ, expiresIn: -60 })).pages({
        path: '/users',
        action: 'readUsers',
        what: 'the users',
      }),
    );
    expect(error.kind).toBe('expired-token');
    expect(error.fix).toMatch(/az account get-access-token --resource-type ms-graph/);
    expect(fake.log).toHaveLength(0);
  });

  it('Graph’s own 401 for an expired token (a token whose claims we cannot read) is worded the same way', async () => {
    fake.faults.push({
      path: /\/users$/,
      status: 401,
      times: 1,
      body: {
        error: {
          code: 'InvalidAuthenticationToken',
          message: 'Lifetime validation failed, the token is expired.',
        },
      },
    });
    const error = await failure(
      clientWith('opaque-token').pages({ path: '/users', action: 'readUsers', what: 'the users' }),
    );
    expect(error.kind).toBe('expired-token');
    expect(error.status).toBe(401);
  });

  it('403 Authorization_RequestDenied names the permission and the role', async () => {
    const token = fake.issueToken({ scopes: ['Application.Read.All'] });
    const error = await failure(
      clientWith(token).pages({ path: '/users', action: 'readUsers', what: 'the users' }),
    );
    expect(error.kind).toBe('insufficient-privileges');
    expect(error.graphCode).toBe('Authorization_RequestDenied');
    expect(error.full).toContain('User.Read.All');
    expect(error.full).toContain('Cloud Application Administrator');
    expect(error.full).toMatch(/Grant admin consent/);
    expect(error.requestId).toMatch(/^fake-403/);
  });

  it('429 with Retry-After is waited out and the request repeated', async () => {
    fake.faults.push({
      path: /\/users$/,
      status: 429,
      headers: { 'retry-after': '1' },
      times: 2,
      body: { error: { code: 'TooManyRequests', message: 'Too many requests' } },
    });
    const waits: number[] = [];
    const source = environmentTokenSource(fake.issueToken({ scopes: ALL_READ }));
    const client = createGraphClient({
      graphUrl: fake.url,
      token: (action) => source.token(action),
      onThrottled: (wait) => waits.push(wait),
    });
    const users = await client.pages({ path: '/users', action: 'readUsers', what: 'the users' });
    expect(users).toHaveLength(30);
    expect(waits).toEqual([1000, 1000]);
    expect(fake.log.filter((entry) => entry.path === '/v1.0/users')).toHaveLength(3);
  });

  it('a Retry-After beyond the bound fails with the throttling message instead of hanging', async () => {
    fake.faults.push({ path: /\/users$/, status: 429, headers: { 'retry-after': '600' }, times: 1 });
    const error = await failure(
      clientWith(fake.issueToken({ scopes: ALL_READ }), { maxRetryWaitMs: 5000 }).pages({
        path: '/users',
        action: 'readUsers',
        what: 'the users',
      }),
    );
    expect(error.kind).toBe('throttled');
    expect(fake.log).toHaveLength(1);
  });

  it('an app without a provisioning job says how to create one in the portal', async () => {
    const error = await failure(
      getProvisioningJob(clientWith(fake.issueToken({ scopes: ALL_READ })), 'sp-other'),
    );
    expect(error.kind).toBe('no-provisioning-job');
    expect(error.fix).toMatch(/Provisioning Mode.+Automatic/);
  });

  it('a job id that no longer exists is a 404 with its own message', async () => {
    const error = await failure(
      getProvisioningJob(clientWith(fake.issueToken({ scopes: ALL_READ })), 'sp-jostle-1', 'scim.gone'),
    );
    expect(error.kind).toBe('not-found');
    expect(error.message).toContain('scim.gone');
  });

  it('a quarantined job is reported with its reason and the portal fix', async () => {
    const job = fake.tenant.apps[0]!.jobs[0]!;
    job.status = {
      code: 'Quarantine',
      quarantine: {
        reason: 'EncounteredQuarantineException',
        currentBegan: '2026-12-01T08:00:00Z',
        nextAttempt: '2026-12-01T20:00:00Z',
      },
    };
    const view = await getProvisioningJob(clientWith(fake.issueToken({ scopes: ALL_READ })), 'sp-jostle-1');
    expect(view.state).toBe('Quarantine');
    const message = quarantineMessage(view)!;
    expect(message).toContain('EncounteredQuarantineException');
    expect(message).toMatch(/Restart provisioning/);
    job.status = {
      code: 'Active',
      progress: [
        {
          completedUnits: 1200,
          totalUnits: 3000,
          units: 'Objects',
          progressObservationDateTime: '2026-12-01T09:00:00Z',
        },
      ],
    };
    expect(
      (await getProvisioningJob(clientWith(fake.issueToken({ scopes: ALL_READ })), 'sp-jostle-1')).progress,
    ).toEqual({ completed: 1200, total: 3000, units: 'Objects' });
    job.status = { code: 'NotRun', quarantine: null };
    expect(
      quarantineMessage(
        await getProvisioningJob(clientWith(fake.issueToken({ scopes: ALL_READ })), 'sp-jostle-1'),
      ),
    ).toBeNull();
  });

  it('a nextLink to another host is never followed with the token', async () => {
    fake.faults.push({
      path: /\/users$/,
      status: 200,
      times: 1,
      body: { value: [], '@odata.nextLink': 'https://attacker.example/v1.0/users?$skiptoken=1' },
    });
    const error = await failure(
      clientWith(fake.issueToken({ scopes: ALL_READ })).pages({
        path: '/users',
        action: 'readUsers',
        what: 'the users',
      }),
    );
    expect(error.message).toContain('attacker.example');
  });

  it('missing consent from the sign-in service (AADSTS65001) names the permissions and the consent step', () => {
    const error = explainSignInError(
      new ServerError(
        'invalid_grant',
        'correlation-1',
        'AADSTS65001: The user or administrator has not consented to use the application with ID 14d82eec.',
      ),
    );
    expect(error.kind).toBe('missing-consent');
    expect(error.full).toMatch(/Grant admin consent/);
    expect(error.full).toContain('Application.Read.All');
  });

  it('public client flows disabled on the admin’s own app registration (AADSTS7000218)', () => {
    const error = explainSignInError(
      new ServerError(
        'invalid_client',
        'correlation-2',
        'AADSTS7000218: The request body must contain client_assertion or client_secret.',
      ),
    );
    expect(error.fix).toMatch(/Allow public client flows/);
  });
});

describe('the desktop sign-in opener', () => {
  it('opens only https Microsoft sign-in hosts of a known cloud', async () => {
    const { isSignInUrl, signInBrowserOpener } = await import('../../main/graph/clouds');
    expect(isSignInUrl('https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?x=1')).toBe(
      true,
    );
    expect(isSignInUrl('https://login.chinacloudapi.cn/t/oauth2/v2.0/authorize')).toBe(true);
    expect(isSignInUrl('http://login.microsoftonline.com/')).toBe(false);
    expect(isSignInUrl('https://login.microsoftonline.com.evil.example/')).toBe(false);
    const opened: string[] = [];
    const open = signInBrowserOpener(async (url) => void opened.push(url));
    await expect(open('https://evil.example/authorize')).rejects.toThrow(/not opened/);
    await open('https://login.microsoftonline.us/t/oauth2/v2.0/authorize');
    expect(opened).toEqual(['https://login.microsoftonline.us/t/oauth2/v2.0/authorize']);
  });
});

describe('entra with --graph-url but no token', () => {
  it('asks to sign in instead of looping', async () => {
    const { cli } = await import('./helpers');
    const { tempDir, uniqueKeychainService } = await import('../support/temp');
    const dir = tempDir();
    const result = await cli(['entra', 'status', '--graph-url', fake.url], {
      ...process.env,
      JPA_DATA_DIR: dir.path,
      JPA_KEYCHAIN_SERVICE: uniqueKeychainService(),
    });
    dir.remove();
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/not signed in/);
  });
});

describe('paging', () => {
  it('follows a nextLink given as a server-relative path on the same host', async () => {
    fake.faults.push({
      path: /\/users$/,
      status: 200,
      times: 1,
      body: { value: [{ id: 'first' }], '@odata.nextLink': '/v1.0/users?$skiptoken=10&$top=10' },
    });
    const items = await clientWith(fake.issueToken({ scopes: ALL_READ })).pages({
      path: '/users',
      action: 'readUsers',
      what: 'the users',
    });
    expect(items).toHaveLength(1 + 20);
    const second = fake.log[1]!;
    expect(second.path).toBe('/v1.0/users');
    expect(second.query).toEqual({ $skiptoken: '10', $top: '10' });
  });
});
