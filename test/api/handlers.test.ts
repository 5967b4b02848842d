import { readdirSync, readFileSync, statSync } from 'node:fs';
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

  it('updates the Base URL alone and forgets the key on request', async () => {
    await dispatch(handlers, 'saveConnection', { baseUrl: 'https://acme.jostle.us/scim2', apiKey: KEY });
    await dispatch(handlers, 'saveConnection', { baseUrl: 'https://acme.jostle.us/scim2/v2' });
    expect(await test.context.vault.read()).toMatchObject({
      baseUrl: 'https://acme.jostle.us/scim2/v2',
      apiKey: KEY,
    });
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

  it('keeps steps that are not built yet from ever being done', async () => {
    await dispatch(handlers, 'setCurrentStep', { stepId: 'dry-run' });
    expect(await dispatch(handlers, 'getSettings', {})).toMatchObject({
      ok: true,
      value: { currentStep: 'dry-run', stepStatus: { 'dry-run': 'not-started', export: 'not-started' } },
    });
  });
});
