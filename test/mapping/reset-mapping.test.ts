import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, type HandlerTable } from '../../main/api/handlers';
import { GALLERY_DEFAULT_MAPPINGS } from '../../shared/mapping';
import { createTestContext, type TestContext } from '../support/context';

let test: TestContext;
let handlers: HandlerTable;

beforeEach(async () => {
  test = await createTestContext();
  handlers = createHandlers(test.context);
});
afterEach(() => test.cleanup());

describe('Reset to gallery defaults', () => {
  it('saves the defaults, so the Mappings step is done, also when the mapping already was the default', async () => {
    const saved = await handlers.saveMapping({ config: (await handlers.getMapping({})).config });
    expect(saved.saved).toBe(true);
    expect((await handlers.getSettings({})).stepStatus.mappings).toBe('done');

    const reset = await handlers.resetMapping({});
    expect(reset.saved).toBe(true);
    expect(reset.config.mappings).toEqual(GALLERY_DEFAULT_MAPPINGS);
    expect((await handlers.getSettings({})).stepStatus.mappings).toBe('done');
  });
});
