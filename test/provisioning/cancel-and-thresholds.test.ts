import { afterEach, describe, expect, it } from 'vitest';
import type { MappingConfig } from '../../shared/mapping';
import { GALLERY_DEFAULT_CONFIG } from '../../shared/mapping';
import type { ProvisioningProgress } from '../../main/provisioning';
import { escrowVerdict } from '../../main/provisioning/thresholds';
import {
  expectReconciled,
  smallTenant,
  snapshotOf,
  startHarness,
  withAttributes,
  type Harness,
} from './helpers';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('cancellation', () => {
  it('stops mid-run with consistent state, and the next cycle finishes the job', async () => {
    const controller = new AbortController();
    let seen = 0;
    harness = await startHarness(
      { concurrency: 4 },
      {
        faults: [{ kind: 'latency', endpoint: 'all', latencyMs: 20 }],
        onRequest: () => {
          if ((seen += 1) === 12) controller.abort();
        },
      },
    );
    const { users, assignments } = smallTenant(40);
    const report = await harness.engine.runCycle(snapshotOf(users, assignments), {
      signal: controller.signal,
    });
    expect(report.cancelled).toBe(true);
    expect(report.notProcessedReasons.cancelled).toBeGreaterThan(0);
    expectReconciled(
      harness,
      report,
      users.map((user) => user.objectId),
    );
    const cancelledEntries = harness.engine
      .result()
      .log.filter((entry) => entry.errorCode === 'OperationCancelled');
    expect(cancelledEntries.every((entry) => entry.status === 'Skipped')).toBe(true);

    // POSTs the cancelled cycle had already sent still land at the mock after their 20 ms latency, as they
    // would at Jostle; were the next cycle's lookup to run first, its POST would meet them as a 409 conflict.
    // Waiting for them to land pins what this test is about: the next cycle finishes the job.
    await new Promise((resolve) => setTimeout(resolve, 250));
    harness.mock.setFaults([]);
    const next = await harness.engine.runCycle(snapshotOf(users, assignments));
    expect(next.cancelled).toBe(false);
    expectReconciled(
      harness,
      next,
      users.map((user) => user.objectId),
    );
    expect(harness.mock.userCount()).toBe(40);
    const third = await harness.engine.runCycle(snapshotOf(users, assignments));
    expect(third.requests).toBe(0);
  });

  it('an already-aborted signal sends nothing', async () => {
    harness = await startHarness();
    const { users, assignments } = smallTenant(5);
    const report = await harness.engine.runCycle(snapshotOf(users, assignments), {
      signal: AbortSignal.abort(),
    });
    expect(report.requests).toBe(0);
    expect(report.notProcessed).toBe(5);
    expectReconciled(
      harness,
      report,
      users.map((user) => user.objectId),
    );
  });

  it('reports progress with counts and an ETA', async () => {
    harness = await startHarness({ concurrency: 2 });
    const { users, assignments } = smallTenant(30);
    const seen: ProvisioningProgress[] = [];
    await harness.engine.runCycle(snapshotOf(users, assignments), {
      onProgress: (progress) => seen.push(progress),
    });
    expect(seen.at(-1)).toMatchObject({ processed: 30, total: 30 });
    expect(seen.at(-1)!.counts.Create.Success).toBe(30);
    expect(seen.some((progress) => progress.etaMs !== null)).toBe(true);
  });
});

/** jobTitle feeds an IIF, which fails the user when jobTitle is empty (as Entra does). */
const FAILING_MAPPING: MappingConfig = {
  version: 1,
  mappings: [
    ...GALLERY_DEFAULT_CONFIG.mappings,
    { type: 'Expression', expression: 'IIF([jobTitle]="Boss", "B", "E")', target: 'title', apply: 'Always' },
  ],
};

describe('quarantine thresholds', () => {
  it('QUAR: no evaluation below 5,000 failures; then > 40% quarantines; > 40,000 always does', () => {
    const thresholds = {
      evaluationStartFailures: 5_000,
      escrowProportion: 0.4,
      maxFailures: 40_000,
    } as const;
    expect(escrowVerdict(4_999, 5_000, thresholds)).toBeNull(); // 100% failed, but not evaluated yet
    expect(escrowVerdict(5_000, 12_000, thresholds)?.reason).toBe('EncounteredEscrowProportionThreshold');
    expect(escrowVerdict(5_000, 12_500, thresholds)).toBeNull(); // exactly 40%
    expect(escrowVerdict(40_000, 1_000_000, thresholds)).toBeNull(); // 4%, and not more than 40,000
    expect(escrowVerdict(40_001, 1_000_000, thresholds)?.explanation).toMatch(/40000/);
  });

  async function runWithFailures(failing: number, total: number, evaluationStartFailures: number) {
    harness = await startHarness({ concurrency: 1, quarantine: { evaluationStartFailures } });
    const { users, assignments } = smallTenant(total);
    const shaped = users.map((user, index) =>
      withAttributes(user, { jobTitle: index < failing ? null : 'Boss' }),
    );
    const report = await harness.engine.runCycle({
      ...snapshotOf(shaped, assignments),
      mapping: FAILING_MAPPING,
    });
    expectReconciled(
      harness,
      report,
      users.map((user) => user.objectId),
    );
    return report;
  }

  it('quarantines when more than 40% fail once evaluation has started', async () => {
    const report = await runWithFailures(6, 10, 3);
    expect(report.quarantine?.reason).toBe('EncounteredEscrowProportionThreshold');
    expect(report.counts.Create.Failure).toBe(3);
    expect(report.notProcessedReasons.quarantined).toBe(7);
    expect(harness!.engine.result().log[0]).toMatchObject({
      errorCode: 'AttributeMappingFailure',
      requests: [],
    });
  });

  it('judges the proportion only once evaluation has started', async () => {
    const under = await runWithFailures(3, 10, 1);
    // The first user fails: 1 of 1 is over 40% once evaluation starts at 1 failure.
    expect(under.quarantine?.reason).toBe('EncounteredEscrowProportionThreshold');
    await harness!.close();
    harness = undefined;
    const late = await runWithFailures(3, 10, 4);
    expect(late.quarantine).toBeNull();
    expect(late.counts.Create.Failure).toBe(3);
    expect(late.counts.Create.Success).toBe(7);
  });

  it('QUAR: a 50-user pilot where every create conflicts reports 50 failures and no quarantine', async () => {
    harness = await startHarness({ concurrency: 4 }, { faults: [{ kind: 'conflict', endpoint: 'create' }] });
    const { users, assignments } = smallTenant(50);
    const report = await harness.engine.runCycle(snapshotOf(users, assignments));
    expect(report.counts.Create.Failure).toBe(50);
    expect(report.notProcessed).toBe(0);
    expect(report.quarantine).toBeNull();
    expect(harness.engine.result().summary.quarantine.quarantined).toBe(false);
    expect(harness.engine.result().log.every((entry) => entry.errorCode === 'EntryConflict')).toBe(true);
    // Our early warning is labelled as ours and did not stop anything.
    expect(report.earlyWarning).toMatch(/^Our warning, not Entra's rule: 50 of 50 events failed/);
    expectReconciled(
      harness,
      report,
      users.map((user) => user.objectId),
    );
  });

  it('our early warning stays quiet below 10 failures or at 40% and under', async () => {
    const few = await runWithFailures(6, 8, 5_000);
    expect(few.earlyWarning).toBeNull();
    await harness!.close();
    harness = undefined;
    const low = await runWithFailures(10, 25, 5_000);
    expect(low.earlyWarning).toBeNull();
    expect(low.quarantine).toBeNull();
  });
});

describe('accidental-deletion threshold', () => {
  it('ADP: is off by default, so a cycle that disables every user goes ahead', async () => {
    harness = await startHarness();
    const { users, assignments } = smallTenant(8);
    await harness.engine.runCycle(snapshotOf(users, assignments));
    const report = await harness.engine.runCycle(snapshotOf([], assignments));
    expect(report.deletionsPlanned).toBe(8);
    expect(report.deletionThresholdExceeded).toBe(false);
    expect(report.counts.Disable.Success).toBe(8);
    expect(report.quarantine).toBeNull();
    expect(harness.engine.result().summary.settings?.deletionThreshold).toBeNull();
  });

  it('ADP: with the admin’s threshold, stages disables and deletes over it instead of sending them', async () => {
    harness = await startHarness({ deletionThreshold: 2 });
    const { users, assignments } = smallTenant(6);
    await harness.engine.runCycle(snapshotOf(users, assignments));
    harness.mock.clearLog();
    const kept = users
      .slice(0, 3)
      .map((user, index) => (index === 0 ? withAttributes(user, { accountEnabled: false }) : user));
    const report = await harness.engine.runCycle(snapshotOf(kept, assignments));
    expect(report.deletionsPlanned).toBe(4);
    expect(report.deletionThresholdExceeded).toBe(true);
    expect(report.counts.StagedDelete.Skipped).toBe(4);
    expect(harness.mock.requestLog()).toHaveLength(0);
    expect(harness.mock.userCount()).toBe(6);
    const staged = harness.engine.result().log.filter((entry) => entry.cycle === 2);
    expect(
      staged.every((entry) => entry.action === 'StagedDelete' && /threshold of 2/.test(entry.message)),
    ).toBe(true);
    expect(report.quarantine?.reason).toBe('AccidentalDeletionThresholdExceeded');
    expectReconciled(
      harness,
      report,
      kept.map((user) => user.objectId),
    );
  });

  it('sends them when within the threshold', async () => {
    harness = await startHarness({ deletionThreshold: 4 });
    const { users, assignments } = smallTenant(6);
    await harness.engine.runCycle(snapshotOf(users, assignments));
    const report = await harness.engine.runCycle(snapshotOf(users.slice(0, 2), assignments));
    expect(report.counts.Disable.Success).toBe(4); // soft deletes: disabled, not yet deleted
    expect(harness.mock.userCount()).toBe(6);
  });
});
