import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import { createHandlers, type HandlerTable } from '../../main/api/handlers';
import { createTestContext, type TestContext } from '../support/context';

const KEY = 'jpa-handler-test-key-5f0c9a7e41d2';
let test: TestContext;
let handlers: HandlerTable;

beforeEach(async () => {
  test = await createTestContext();
  handlers = createHandlers(test.context);
});
afterEach(() => test.cleanup());

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('dispatch', () => {
  it('refuses unknown channels and invalid requests with specific messages', async () => {
    expect(await dispatch(handlers, 'deleteEverything', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    });
    const invalid = await dispatch(handlers, 'setCurrentStep', { stepId: 'nowhere' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(!invalid.ok && invalid.error.message).toMatch(/stepId/);
    const extra = await dispatch(handlers, 'getSettings', { sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('saves URL and key: the answer carries a fingerprint and date, never the key', async () => {
    const answer = await dispatch(handlers, 'saveConnection', {
      baseUrl: ' https://acme.jostle.us/scim2/ ',
      apiKey: KEY,
    });
    expect(answer).toMatchObject({
      ok: true,
      value: { baseUrl: 'https://acme.jostle.us/scim2', key: { saved: true } },
    });
    expect(JSON.stringify(answer)).not.toContain(KEY);
    expect((await test.context.vault.read())?.apiKey).toBe(KEY);
    for (const file of filesUnder(test.dataDir)) expect(readFileSync(file, 'utf8')).not.toContain(KEY);
  });

  it('changes nothing when either field is bad, and says which', async () => {
    const answer = await dispatch(handlers, 'saveConnection', {
      baseUrl: 'http://acme.jostle.us/scim2',
      apiKey: 'short',
    });
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-request',
        fields: { baseUrl: expect.stringMatching(/https/), apiKey: expect.stringMatching(/short/) },
      },
    });
    expect(await test.context.vault.read()).toBeNull();
    expect(test.context.settings.read().connection.baseUrl).toBeNull();

    await dispatch(handlers, 'saveConnection', { baseUrl: 'https://acme.jostle.us/scim2', apiKey: KEY });
    const multiline = await dispatch(handlers, 'saveConnection', {
      baseUrl: 'https://other.example/scim2',
      apiKey: `${KEY}\nmore`,
    });
    expect(multiline).toMatchObject({
      ok: false,
      error: { fields: { apiKey: expect.stringMatching(/line break/) } },
    });
    expect(await test.context.vault.read()).toMatchObject({
      baseUrl: 'https://acme.jostle.us/scim2',
      apiKey: KEY,
    });
  });

  it('a settings file that cannot be written: a clear message, and the keychain item is put back', async () => {
    await dispatch(handlers, 'saveConnection', { baseUrl: 'https://acme.jostle.us/scim2', apiKey: KEY });
    // A folder where the settings file should be: a rename over it fails even for root.
    const settingsFile = join(test.dataDir, 'settings.json');
    rmSync(settingsFile, { force: true });
    mkdirSync(settingsFile);
    try {
      const answer = await dispatch(handlers, 'saveConnection', {
        baseUrl: 'https://acme.jostle.us/scim2/v2',
        apiKey: `${KEY}-new`,
      });
      expect(answer).toMatchObject({
        ok: false,
        error: {
          code: 'not-available',
          message: expect.stringMatching(/settings file: .*Nothing was changed/),
        },
      });
    } finally {
      rmSync(settingsFile, { recursive: true, force: true });
    }
    expect(await test.context.vault.read()).toMatchObject({
      baseUrl: 'https://acme.jostle.us/scim2',
      apiKey: KEY,
    });
  });

  it('updates the Base URL alone and forgets the key on request', async () => {
    await dispatch(handlers, 'saveConnection', { baseUrl: 'https://acme.jostle.us/scim2', apiKey: KEY });
    await dispatch(handlers, 'saveConnection', { baseUrl: 'https://acme.jostle.us/scim2/v2' });
    expect(await test.context.vault.read()).toMatchObject({
      baseUrl: 'https://acme.jostle.us/scim2/v2',
      apiKey: KEY,
    });
    // Another host: the key is not carried over, and nothing changes.
    const moved = await dispatch(handlers, 'saveConnection', { baseUrl: 'https://evil.example/scim2' });
    expect(moved).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', fields: { apiKey: expect.stringMatching(/paste that tenant/) } },
    });
    expect(await test.context.vault.read()).toMatchObject({ baseUrl: 'https://acme.jostle.us/scim2/v2' });
    expect(test.context.settings.read().connection.baseUrl).toBe('https://acme.jostle.us/scim2/v2');
    const forgotten = await dispatch(handlers, 'forgetApiKey', {});
    expect(forgotten).toMatchObject({ ok: true, value: { key: { saved: false, fingerprint: null } } });
    expect(await test.context.vault.read()).toBeNull();
  });

  it('derives step statuses from saved facts', async () => {
    let view = await dispatch(handlers, 'setChecklistItem', {
      stepId: 'automation-user',
      itemId: 'created',
      checked: true,
    });
    expect(view).toMatchObject({ ok: true, value: { stepStatus: { 'automation-user': 'in-progress' } } });
    view = await dispatch(handlers, 'setChecklistItem', {
      stepId: 'automation-user',
      itemId: 'signed-in-once',
      checked: true,
    });
    expect(view).toMatchObject({
      ok: true,
      value: { stepStatus: { 'automation-user': 'done', connection: 'not-started' } },
    });
    await dispatch(handlers, 'saveConnection', { baseUrl: 'https://acme.jostle.us/scim2', apiKey: KEY });
    view = await dispatch(handlers, 'getSettings', {});
    const expected = test.context.vault
      .status()
      .then((status) => (status.storage === 'memory' ? 'needs-attention' : 'done'));
    expect(view).toMatchObject({ ok: true, value: { stepStatus: { connection: await expected } } });
  });

  it('refuses checklist items that are not on the step', async () => {
    expect(
      await dispatch(handlers, 'setChecklistItem', { stepId: 'plan', itemId: 'made-up', checked: true }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringMatching(/made-up/) },
    });
    expect(
      await dispatch(handlers, 'setChecklistItem', { stepId: 'dry-run', itemId: 'x', checked: true }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it('marks the dry run and export done only once they happened', async () => {
    await dispatch(handlers, 'setCurrentStep', { stepId: 'dry-run' });
    expect(await dispatch(handlers, 'getSettings', {})).toMatchObject({
      ok: true,
      value: { currentStep: 'dry-run', stepStatus: { 'dry-run': 'not-started', export: 'not-started' } },
    });
  });
});

describe('configuration handlers', () => {
  it('imports users, saves mapping and scope, pages the preview, and reflects it all in step statuses', async () => {
    const csv = [
      'userPrincipalName,displayName,surname,mail,givenName,objectId,userType,jobTitle,department,accountEnabled',
      'ada@contoso.example,Ada Lovelace,Lovelace,ada@contoso.example,Ada,11111111-1111-1111-1111-111111111111,Member,Analyst,Research,True',
      'alan@contoso.example,Alan Turing,Turing,alan@contoso.example,Alan,22222222-2222-2222-2222-222222222222,Member,Engineer,Sales,True',
    ].join('\r\n');
    const imported = await dispatch(handlers, 'importUsers', { files: [{ name: 'users.csv', text: csv }] });
    expect(imported).toMatchObject({ ok: true, value: { users: { count: 2, fileName: 'users.csv' } } });

    const scope = await dispatch(handlers, 'saveScope', {
      config: {
        version: 1,
        scope: 'allUsers',
        filters: [
          { title: 'Sales', clauses: [{ attribute: 'department', operator: 'EQUALS', value: 'Sales' }] },
        ],
      },
    });
    expect(scope).toMatchObject({ ok: true, value: { saved: true } });
    const mapping = await dispatch(handlers, 'getMapping', {});
    expect(mapping.ok).toBe(true);
    if (mapping.ok)
      await dispatch(handlers, 'saveMapping', { config: (mapping.value as { config: unknown }).config });

    const preview = await dispatch(handlers, 'getPreview', { show: 'in-scope', offset: 0, limit: 10 });
    expect(preview).toMatchObject({
      ok: true,
      value: {
        summary: { total: 2, inScope: 1 },
        matching: 1,
        rows: [{ userPrincipalName: 'alan@contoso.example' }],
      },
    });
    const user = await dispatch(handlers, 'getUserPreview', {
      objectId: '22222222-2222-2222-2222-222222222222',
    });
    expect(user).toMatchObject({
      ok: true,
      value: {
        payload: { userName: 'alan@contoso.example', name: { givenName: 'Alan', familyName: 'Turing' } },
      },
    });

    expect(await dispatch(handlers, 'getSettings', {})).toMatchObject({
      ok: true,
      value: { stepStatus: { mappings: 'done' } },
    });
  });

  it('keeps the previous import when a file is broken, naming the line', async () => {
    await dispatch(handlers, 'generateSyntheticUsers', { count: 5, seed: 1 });
    const broken = await dispatch(handlers, 'importUsers', {
      files: [{ name: 'bad.csv', text: 'userPrincipalName,objectId\n"unterminated,x\n' }],
    });
    expect(broken).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringMatching(/bad\.csv/) },
    });
    expect(await dispatch(handlers, 'getImportStatus', {})).toMatchObject({
      ok: true,
      value: { users: { count: 5 } },
    });
  });
});

describe('work in progress', () => {
  it('keeps a saved mapping that still has errors, with its problems, across a restart', async () => {
    const mapping = await dispatch(handlers, 'getMapping', {});
    const config = structuredClone(
      (mapping as { ok: true; value: { config: { version: 1; mappings: Array<Record<string, unknown>> } } })
        .value.config,
    );
    config.mappings.push({
      type: 'Expression',
      expression: 'Join(" ", [givenName]',
      target: 'displayName',
      apply: 'Always',
    });
    const saved = await dispatch(handlers, 'saveMapping', { config });
    expect(saved).toMatchObject({ ok: true, value: { saved: true } });
    const problems = (
      saved as { ok: true; value: { problems: Array<{ severity: string; mappingIndex?: number }> } }
    ).value.problems;
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([
      expect.objectContaining({ mappingIndex: config.mappings.length - 1 }),
    ]);

    const reopened = createHandlers(test.context);
    const again = await dispatch(reopened, 'getMapping', {});
    expect(again).toMatchObject({
      ok: true,
      value: {
        saved: true,
        config: { mappings: expect.arrayContaining([expect.objectContaining({ target: 'displayName' })]) },
      },
    });
    expect(await dispatch(reopened, 'getSettings', {})).toMatchObject({
      ok: true,
      value: { stepStatus: { mappings: 'needs-attention' } },
    });
  });
});
