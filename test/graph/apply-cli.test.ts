import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, type AppContext } from '../../main/app/context';
import { graphFiles } from '../../main/graph';
import { confBacking } from '../../main/settings/node-backing';
import { generateSyntheticTenant } from '../../shared/source-data';
import { FakeGraph } from '../fakes/graph/server';
import { buildFakeTenant } from '../fakes/graph/tenant';
import { tempDir, uniqueKeychainService } from '../support/temp';
import { cli, READ_AND_WRITE } from './helpers';

const API_KEY = 'jostle-secret-key-0123456789abcdef';
const BASE_URL = 'https://contoso.jostle.us/scim/v2';

describe('entra apply against the Graph fake', () => {
  const dir = tempDir();
  let fake: FakeGraph;
  let env: NodeJS.ProcessEnv;
  let context: AppContext;
  const synthetic = generateSyntheticTenant({ users: 40, seed: 5 });
  const args = () => ['--graph-token-env', 'GRAPH_TOKEN', '--graph-url', fake.url];
  const phrase = 'contoso.example/Jostle';

  beforeAll(async () => {
    fake = new FakeGraph(buildFakeTenant(synthetic.users, synthetic.assignments));
    await fake.start();
    env = {
      ...process.env,
      JPA_DATA_DIR: dir.path,
      JPA_KEYCHAIN_SERVICE: uniqueKeychainService(),
      GRAPH_TOKEN: fake.issueToken({ scopes: READ_AND_WRITE, upn: 'admin@contoso.example' }),
    };
    context = await createAppContext({
      transport: 'browser',
      dataDir: dir.path,
      env,
      settingsBacking: confBacking,
    });
    await context.vault.save(BASE_URL, API_KEY);
    context.settings.update('connection', () => ({ baseUrl: BASE_URL }));
    const pulled = await cli(['entra', 'pull', '--app', 'sp-jostle-1', ...args()], env);
    expect(pulled.code).toBe(0);
  });
  afterAll(async () => {
    await context.vault.forget();
    await fake.stop();
    dir.remove();
  });

  const keySeenOutsideSecrets = () =>
    fake.log.filter(
      (entry) =>
        !(entry.method === 'PUT' && entry.path.endsWith('/synchronization/secrets')) &&
        [entry.path, JSON.stringify(entry.query), entry.body, entry.authorization ?? ''].some((part) =>
          part.includes(API_KEY),
        ),
    );

  it('without --confirm shows the exact request, with the key only as a fingerprint, and sends nothing', async () => {
    const before = fake.log.length;
    const result = await cli(['entra', 'apply', 'credentials', ...args()], env);
    expect(result.code).toBe(0);
    expect(result.out).toContain('PUT');
    expect(result.out).toContain('/v1.0/servicePrincipals/sp-jostle-1/synchronization/secrets');
    expect(result.out).toContain(BASE_URL);
    expect(result.out).toMatch(/fingerprint sha256:[0-9a-f]{8}/);
    expect(result.out).not.toContain(API_KEY);
    expect(result.out).toContain(`--confirm "${phrase}"`);
    expect(fake.log.slice(before).filter((entry) => entry.method !== 'GET')).toEqual([]);
    expect(fake.tenant.apps[0]!.secrets).toEqual([]);
  });

  it('refuses a wrong confirmation and sends nothing', async () => {
    const before = fake.log.length;
    const result = await cli(['entra', 'apply', 'credentials', '--confirm', 'Jostle', ...args()], env);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`type exactly: ${phrase}`);
    expect(fake.log.slice(before).filter((entry) => entry.method !== 'GET')).toEqual([]);
  });

  it('saves the credentials, twice with the same result, and the key goes nowhere but the secrets endpoint', async () => {
    for (let round = 0; round < 2; round += 1) {
      const result = await cli(['entra', 'apply', 'credentials', '--confirm', phrase, ...args()], env);
      expect(result.code).toBe(0);
      expect(result.out + result.err).not.toContain(API_KEY);
    }
    expect(fake.tenant.apps[0]!.secrets).toEqual([
      { key: 'BaseAddress', value: BASE_URL },
      { key: 'SecretToken', value: API_KEY },
    ]);
    const test = await cli(['entra', 'apply', 'test-connection', '--confirm', phrase, ...args()], env);
    expect(test.code).toBe(0);
    const validate = fake.log.find((entry) => entry.path.endsWith('/validateCredentials'))!;
    expect(JSON.parse(validate.body)).toEqual({ useSavedCredentials: true });
    expect(keySeenOutsideSecrets()).toEqual([]);
    expect(readFileSync(join(dir.path, 'settings.json'), 'utf8')).not.toContain(API_KEY);
  });

  it('an error that echoes the key back shows it redacted', async () => {
    fake.faults.push({
      method: 'PUT',
      path: /\/synchronization\/secrets$/,
      status: 400,
      times: 1,
      body: { error: { code: 'BadRequest', message: `Invalid SecretToken '${API_KEY}' for ${BASE_URL}` } },
    });
    const result = await cli(['entra', 'apply', 'credentials', '--confirm', phrase, ...args()], env);
    expect(result.code).toBe(1);
    expect(result.err).toContain('Invalid SecretToken');
    expect(result.err + result.out).not.toContain(API_KEY);
  });

  it('writes the verified schema merged into Entra’s, once; a second apply sends nothing', async () => {
    const verified = JSON.parse(readFileSync(graphFiles.schema(dir.path), 'utf8'));
    const pulledTargets = verified.synchronizationRules[0].objectMappings[0].attributeMappings.map(
      (mapping: { targetAttributeName: string }) => mapping.targetAttributeName,
    );
    verified.synchronizationRules[0].objectMappings[0].attributeMappings.push({
      targetAttributeName: 'title',
      source: { expression: '[jobTitle]', name: 'jobTitle', type: 'Attribute' },
    });
    const file = join(dir.path, 'verified-schema.json');
    writeFileSync(file, JSON.stringify(verified));
    const first = await cli(
      ['entra', 'apply', 'schema', '--schema', file, '--confirm', phrase, ...args()],
      env,
    );
    expect(first.code).toBe(0);
    const mappings = (fake.tenant.apps[0]!.jobs[0]!.schema as typeof verified).synchronizationRules[0]
      .objectMappings[0].attributeMappings;
    expect(mappings.map((mapping: { targetAttributeName: string }) => mapping.targetAttributeName)).toEqual([
      ...pulledTargets,
      'title',
    ]);
    const puts = () =>
      fake.log.filter((entry) => entry.method === 'PUT' && entry.path.endsWith('/schema')).length;
    expect(puts()).toBe(1);
    // Entra now differs from what was pulled: the guard refuses until the admin pulls again.
    const stale = await cli(
      ['entra', 'apply', 'schema', '--schema', file, '--confirm', phrase, ...args()],
      env,
    );
    expect(stale.code).toBe(1);
    expect(stale.err).toMatch(/changed since the assistant last read it/);
    expect(puts()).toBe(1);
    expect((await cli(['entra', 'pull', '--app', 'sp-jostle-1', ...args()], env)).code).toBe(0);
    const again = await cli(
      ['entra', 'apply', 'schema', '--schema', file, '--confirm', phrase, ...args()],
      env,
    );
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/nothing to send/);
    expect(puts()).toBe(1);
  });

  it('refuses to write the schema when someone changed it in the portal since the pull', async () => {
    const job = fake.tenant.apps[0]!.jobs[0]!;
    job.schema = { ...job.schema, version: 'Date:2026-12-01T12:00:00Z~###~Version:2' };
    const file = join(dir.path, 'verified-schema.json');
    const result = await cli(
      ['entra', 'apply', 'schema', '--schema', file, '--confirm', phrase, ...args()],
      env,
    );
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/Pull again/);
  });

  it('provisions one user on demand and shows Entra’s steps next to the prediction', async () => {
    const user = synthetic.users[3]!;
    const result = await cli(
      ['entra', 'apply', 'provision-user', '--user', user.userPrincipalName, '--confirm', phrase, ...args()],
      env,
    );
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Dry run predicted: (in|out of) scope/);
    expect(result.out).toContain('EntryExportAdd: Success');
    const sent = fake.log.find((entry) => entry.path.endsWith('/provisionOnDemand'))!;
    expect(JSON.parse(sent.body)).toEqual({
      parameters: [
        { ruleId: 'rule-jostle-users', subjects: [{ objectId: user.objectId, objectTypeName: 'User' }] },
      ],
    });
  });

  it('starts and restarts the job; a quarantined job leaves quarantine', async () => {
    const job = fake.tenant.apps[0]!.jobs[0]!;
    job.status = { code: 'Quarantine', quarantine: { reason: 'EncounteredQuarantineException' } };
    expect((await cli(['entra', 'apply', 'restart', '--confirm', phrase, ...args()], env)).code).toBe(0);
    const restart = fake.log.find((entry) => entry.path.endsWith('/restart'))!;
    expect(JSON.parse(restart.body)).toEqual({ criteria: { resetScope: 'Full' } });
    const status = await cli(['entra', 'status', '--app', 'sp-jostle-1', ...args()], env);
    expect(status.out).toContain('Active');
    expect((await cli(['entra', 'apply', 'start', '--confirm', phrase, ...args()], env)).code).toBe(0);
    expect(keySeenOutsideSecrets()).toEqual([]);
  });

  it('a read-only token cannot apply: 403 with the write permission named', async () => {
    const readOnly = {
      ...env,
      GRAPH_TOKEN: fake.issueToken({
        scopes: ['Synchronization.Read.All', 'Application.Read.All'],
        upn: 'admin@contoso.example',
      }),
    };
    const result = await cli(['entra', 'apply', 'start', '--confirm', phrase, ...args()], readOnly);
    expect(result.code).toBe(1);
    expect(result.err).toContain('Synchronization.ReadWrite.All');
    expect(result.err).toContain('Cloud Application Administrator');
  });
});
