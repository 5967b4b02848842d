/**
 * The Dry run step's API: Entra's job settings, the next cycle's changes and Restart provisioning reach the
 * engine through the same handlers the window and the browser transport use, against the real Mock Jostle.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import { createHandlers, type HandlerTable } from '../../main/api/handlers';
import { parseProvisioningLogs, summariseProvisioningLogs } from '../../shared/provisioning-logs';
import { createTestContext, type TestContext } from '../support/context';

let test: TestContext;
let handlers: HandlerTable;

beforeEach(async () => {
  test = await createTestContext();
  handlers = createHandlers(test.context);
});
afterEach(async () => {
  await test.context.dryRun.close();
  await test.cleanup();
});

async function call(channel: string, request: unknown) {
  const answer = await dispatch(handlers, channel, request);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as Record<string, unknown>;
}

async function runCycle(request: Record<string, unknown>) {
  await call('startDryRun', { target: 'mock', patchDialect: 'default', fresh: false, ...request });
  for (;;) {
    const status = (await call('getDryRunStatus', {})) as {
      running: boolean;
      problem: string | null;
      summary: { cycles: Array<{ kind: string; counts: Record<string, Record<string, number>> }> };
    };
    if (!status.running) {
      expect(status.problem).toBeNull();
      return status.summary;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Dry run step settings (startDryRun)', () => {
  it('ADP and Target Object Actions reach the engine; Restart provisioning runs an initial cycle again', async () => {
    await call('generateSyntheticUsers', { count: 6, seed: 3 });
    const first = await runCycle({
      fresh: true,
      deletionThreshold: 2,
      targetObjectActions: { create: true, update: true, delete: false },
    });
    expect(first.cycles[0]!.kind).toBe('initial');
    const settings = (await call('getDryRunStatus', {})) as { summary: { settings: unknown } };
    expect(settings.summary.settings).toEqual({
      skipOutOfScopeDeletions: false,
      targetObjectActions: { create: true, update: true, delete: false },
      deletionThreshold: 2,
    });

    const restarted = await runCycle({ restart: true, daysSincePreviousCycle: 1 });
    expect(restarted.cycles[1]!.kind).toBe('initial');
    // Everyone is matched again, and already holds these values.
    expect(restarted.cycles[1]!.counts.Create!.Success).toBe(0);
    expect(restarted.cycles[1]!.counts.Other!.Skipped).toBeGreaterThan(0);
  });

  it('GRAPH-POS: the log saved for the Monitor step is a Graph page the Monitor import reads, without the token', async () => {
    await call('generateSyntheticUsers', { count: 5, seed: 4 });
    const missing = await dispatch(handlers, 'getDryRunGraphLog', {});
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await runCycle({ fresh: true });
    const saved = (await call('getDryRunGraphLog', {})) as { fileName: string; text: string; events: number };
    expect(saved.fileName).toMatch(/^dry-run-provisioning-log-\d+\.json$/);
    const mock = await test.context.mock.ensure();
    expect(saved.text).not.toContain(mock.token);
    const parsed = parseProvisioningLogs(saved.text, { fileName: saved.fileName });
    expect(parsed.ok && parsed.format).toBe('json-graph-page');
    if (!parsed.ok) return;
    expect(parsed.rows).toHaveLength(saved.events);
    expect(summariseProvisioningLogs(parsed.rows).total).toBe(saved.events);
  });

  it('refuses a bad threshold with a specific message and starts nothing', async () => {
    const answer = await dispatch(handlers, 'startDryRun', {
      target: 'mock',
      patchDialect: 'default',
      fresh: true,
      deletionThreshold: 0,
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(!answer.ok && answer.error.message).toMatch(/deletionThreshold/);
    expect((await call('getDryRunStatus', {})).cyclesRun).toBe(0);
  });
});
