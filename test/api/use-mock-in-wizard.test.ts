import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, type HandlerTable } from '../../main/api/handlers';
import { createTestContext, type TestContext } from '../support/context';

let test: TestContext;
let handlers: HandlerTable;

beforeEach(async () => {
  test = await createTestContext();
  handlers = createHandlers(test.context);
});
afterEach(async () => {
  await handlers.stopMock({});
  await test.cleanup();
});

describe('Mock Jostle > Use in the wizard', () => {
  it('saves the mock’s URL and token in main, and the saved pair still works after the mock restarts', async () => {
    const started = await handlers.startMock({});
    const token = started.token!;
    const connection = await handlers.useMockInWizard({});
    expect(connection.baseUrl).toBe(started.baseUrl);
    expect(connection.key.saved).toBe(true);
    expect(JSON.stringify(connection)).not.toContain(token);
    expect((await handlers.getSettings({})).stepStatus.connection).toBe('in-progress');

    await handlers.stopMock({});
    const again = await handlers.startMock({});
    expect(again).toMatchObject({ baseUrl: started.baseUrl, token: null, tokenIsSavedKey: true });
    const answer = await fetch(`${again.baseUrl}/Users?count=1`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(answer.status).toBe(200);
  });

  it('refuses when the mock is not running, and changes nothing', async () => {
    await expect(handlers.useMockInWizard({})).rejects.toThrow(/not running/);
    expect((await handlers.getConnectionStatus({})).key.saved).toBe(false);
  });
});
