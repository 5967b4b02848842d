import { afterEach, describe, expect, it } from 'vitest';
import { latestCycleState } from '../../shared/provisioning/latest-cycle';
import { dryRunSummarySchema } from '../../shared/provisioning/summary-schema';
import { smallTenant, snapshotOf, startHarness, type Harness } from './helpers';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('latestCycleState: results describe the latest cycle, earlier cycles are history', () => {
  it('a quarantine from a 401 cycle is history once the next cycle runs clean', async () => {
    harness = await startHarness({}, { faults: [{ kind: 'unauthorized', endpoint: 'all' }] });
    const { users, assignments } = smallTenant(6);
    const snapshot = snapshotOf(users, assignments);
    await harness.engine.runCycle(snapshot);
    // The summary as the step reads it: through the schema of the API answer and the saved file.
    const quarantined = latestCycleState(dryRunSummarySchema.parse(harness.engine.result().summary));
    expect(quarantined.quarantine?.reason).toBe('EncounteredQuarantineException');
    expect(quarantined.earlierQuarantine).toBeNull();

    harness.mock.setFaults([]);
    await harness.engine.runCycle(snapshot);
    const summary = dryRunSummarySchema.parse(harness.engine.result().summary);
    // The run as a whole still remembers cycle 1's verdict; the state after cycle 2 does not repeat it.
    expect(summary.quarantine.quarantined).toBe(true);
    const state = latestCycleState(summary);
    expect(state.latest?.cycle).toBe(2);
    expect(state.failures).toBe(0);
    expect(state.quarantine).toBeNull();
    expect(state.earlierQuarantine).toMatchObject({
      cycle: 1,
      verdict: { reason: 'EncounteredQuarantineException' },
    });
    expect(state.currentErrors).toEqual([]);
    expect(state.earlierErrors.every((error) => error.cycle === 1)).toBe(true);
  });

  it('keeps the run verdict for a file saved before per-cycle verdicts', () => {
    const counts = Object.fromEntries(
      ['Create', 'Update', 'Delete', 'Disable', 'StagedDelete', 'Other'].map((action) => [
        action,
        { Success: 0, Failure: action === 'Create' ? 2 : 0, Skipped: 0 },
      ]),
    );
    const cycle = (n: number) => ({
      cycle: n,
      kind: n === 1 ? 'initial' : 'incremental',
      startedAt: '2026-12-01T10:00:00Z',
      durationMs: 10,
      counts,
      requests: 2,
      inScope: 2,
      cancelled: false,
    });
    const summary = dryRunSummarySchema.parse({
      startedAt: '2026-12-01T10:00:00Z',
      finishedAt: '2026-12-01T10:01:00Z',
      target: 'mock',
      targetHost: null,
      patchDialect: 'default',
      cycles: [cycle(1), cycle(2)],
      firstErrors: [
        { cycle: 1, user: 'a@x', action: 'Create', errorCode: 'BadRequest', message: 'old' },
        { cycle: 2, user: 'b@x', action: 'Create', errorCode: 'BadRequest', message: 'new' },
      ],
      quarantine: { quarantined: true, reason: 'EncounteredQuarantineException', explanation: 'x' },
      estimate: { objectsInScope: 2, minMinutes: 0, maxMinutes: 1 },
    });
    const state = latestCycleState(summary);
    expect(state.quarantine?.reason).toBe('EncounteredQuarantineException');
    expect(state.failures).toBe(2);
    expect(state.currentErrors.map((error) => error.message)).toEqual(['new']);
    expect(state.earlierErrors.map((error) => error.message)).toEqual(['old']);
  });
});
