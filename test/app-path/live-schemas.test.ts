/** The verdicts use the live /Schemas a probe read (here: the real probes against Mock Jostle, saved as live). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, type HandlerTable } from '../../main/api/handlers';
import { startMockJostle, type MockJostle } from '../../main/mock-jostle';
import { runProbes } from '../../main/probes';
import { jostleVerdictFor } from '../../shared/mapping';
import { createTestContext, type TestContext } from '../support/context';

let test: TestContext;
let handlers: HandlerTable;
let mock: MockJostle;

beforeEach(async () => {
  test = await createTestContext();
  handlers = createHandlers(test.context);
  mock = await startMockJostle();
});
afterEach(async () => {
  await mock.close();
  await test.cleanup();
});

describe('Jostle’s schema for the verdicts', () => {
  it('is our model, labelled so, until a probe of the live tenant has read /Schemas', async () => {
    const answer = await handlers.getJostleSchemas({});
    expect(answer).toMatchObject({ source: 'model', readAt: null });
    expect(jostleVerdictFor('title', { schemas: answer.schemas }).kind).toBe('accepted');
  });

  it('is the live /Schemas once the probes have read them', async () => {
    const report = await runProbes({
      baseUrl: mock.baseUrl,
      token: mock.token,
      write: false,
      clientOptions: { env: {} },
    });
    await test.context.results.save('probe-report', { ...report, target: 'live' });
    const answer = await handlers.getJostleSchemas({});
    expect(answer.source).toBe('live');
    expect(answer.readAt).toBe(report.finishedAt);
    const options = { schemas: answer.schemas };
    expect(jostleVerdictFor('userName', options).kind).toBe('accepted');
    expect(jostleVerdictFor('phoneNumbers[type eq "workmobilephone"].value', options).kind).toBe('accepted');
    expect(jostleVerdictFor('phoneNumbers[type eq "mobile"].value', options).reason).toBe('typeValue');
    expect(jostleVerdictFor('preferredLanguage', options).kind).toBe('rejected');
  });
});
