/** Two startDryRun calls sent together: exactly one runs, the other is told a run is in progress. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import { createHandlers, type HandlerTable } from '../../main/api/handlers';
import { createTestContext, type TestContext } from '../support/context';

let test: TestContext;
let handlers: HandlerTable;
beforeAll(async () => {
  test = await createTestContext();
  handlers = createHandlers(test.context);
  const generated = await dispatch(handlers, 'generateSyntheticUsers', { count: 50, seed: 1 });
  expect(generated).toMatchObject({ ok: true });
});
afterAll(async () => {
  await dispatch(handlers, 'cancelDryRun', {});
  await test.context.dryRun.close();
  await test.context.mock.stop();
  await test.cleanup();
});

describe('startDryRun', () => {
  it('is guarded synchronously: of two concurrent starts, one is accepted and one answers busy', async () => {
    const request = { target: 'mock', patchDialect: 'default', fresh: true };
    const answers = await Promise.all([
      dispatch(handlers, 'startDryRun', request),
      dispatch(handlers, 'startDryRun', request),
    ]);
    const accepted = answers.filter((answer) => answer.ok);
    const refused = answers.filter((answer) => !answer.ok);
    expect(accepted).toHaveLength(1);
    expect(refused).toEqual([
      {
        ok: false,
        error: expect.objectContaining({ code: 'busy', message: expect.stringMatching(/already running/) }),
      },
    ]);
  });
});
