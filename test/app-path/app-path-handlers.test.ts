import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import { createHandlers, type HandlerTable } from '../../main/api/handlers';
import { CUSTOM_DEFAULT_MAPPINGS, GALLERY_DEFAULT_MAPPINGS } from '../../shared/mapping';
import { createTestContext, type TestContext } from '../support/context';

let test: TestContext;
let handlers: HandlerTable;

beforeEach(async () => {
  test = await createTestContext();
  handlers = createHandlers(test.context);
});
afterEach(() => test.cleanup());

describe('the setup-path setting', () => {
  it('defaults to gallery, persists, and an unsaved mapping follows it', async () => {
    expect(await dispatch(handlers, 'getAppPath', {})).toEqual({ ok: true, value: { appPath: 'gallery' } });
    expect((await handlers.getMapping({})).config.mappings).toEqual(GALLERY_DEFAULT_MAPPINGS);

    expect(await dispatch(handlers, 'setAppPath', { appPath: 'custom' })).toEqual({
      ok: true,
      value: { appPath: 'custom' },
    });
    expect(test.context.settings.read().appPath).toBe('custom');
    const custom = await handlers.getMapping({});
    expect(custom.config.mappings).toEqual(CUSTOM_DEFAULT_MAPPINGS);
    expect(custom.problems.some((problem) => problem.severity === 'error')).toBe(false);
    expect(custom.problems.filter((problem) => problem.severity === 'warning')).toHaveLength(14);
  });

  it('a saved mapping is the admin’s and does not change with the path', async () => {
    await handlers.saveMapping({ config: { version: 1, mappings: [...GALLERY_DEFAULT_MAPPINGS] } });
    await handlers.setAppPath({ appPath: 'custom' });
    expect((await handlers.getMapping({})).config.mappings).toEqual(GALLERY_DEFAULT_MAPPINGS);
  });

  it('refuses a value that is not a path, and changes nothing', async () => {
    const answer = await dispatch(handlers, 'setAppPath', { appPath: 'saml' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(test.context.settings.read().appPath).toBe('gallery');
  });
});
