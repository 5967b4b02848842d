import { afterEach, describe, expect, it } from 'vitest';
import type { FaultSpec } from '../../main/mock-jostle';
import { expectReconciled, smallTenant, snapshotOf, startHarness, type Harness } from './helpers';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const ids = (users: Array<{ objectId: string }>) => users.map((user) => user.objectId);

/** Runs an initial cycle with `faults` on, checks nothing was lost, and returns the report and log. */
async function cycleWith(faults: FaultSpec[], userCount: number, options = {}) {
  harness = await startHarness(options, { faults });
  const { users, assignments } = smallTenant(userCount);
  const report = await harness.engine.runCycle(snapshotOf(users, assignments));
  expectReconciled(harness, report, ids(users));
  return {
    report,
    log: harness.engine.result().log,
    users,
    assignments,
    summary: harness.engine.result().summary,
  };
}

describe('mock faults: every user ends in exactly one state and the counts reconcile', () => {
  it('401 quarantines the job at once (EncounteredQuarantineException)', async () => {
    const { report, log, summary } = await cycleWith([{ kind: 'unauthorized', endpoint: 'all' }], 20, {
      concurrency: 2,
    });
    expect(log[0]).toMatchObject({ action: 'Create', status: 'Failure', errorCode: 'Unauthorized' });
    expect(report.quarantine?.reason).toBe('EncounteredQuarantineException');
    expect(summary.quarantine.quarantined).toBe(true);
    expect(report.notProcessedReasons.quarantined).toBeGreaterThan(0);
    expect(report.counts.Create.Failure + report.notProcessed).toBe(20);
  });

  it('403 on create: InsufficientRights for each user', async () => {
    const { report, log } = await cycleWith([{ kind: 'forbidden', endpoint: 'create' }], 5);
    expect(report.counts.Create.Failure).toBe(5);
    expect(log.every((entry) => entry.errorCode === 'InsufficientRights')).toBe(true);
    expect(report.quarantine).toBeNull(); // QUAR: 5 failures, far below the 5,000 where evaluation starts
  });

  it('404 on the lookup is a SCIM compliance quarantine', async () => {
    const { report, log } = await cycleWith([{ kind: 'filterNotFound', endpoint: 'filter' }], 10, {
      concurrency: 1,
    });
    expect(log[0]).toMatchObject({ status: 'Failure', errorCode: 'NotFound' });
    expect(report.quarantine?.reason).toBe('EncounteredQuarantineException');
    expect(report.quarantine?.explanation).toMatch(/404/);
    expect(report.notProcessed).toBe(9);
  });

  it('409 on create is EntryConflict, a failure retried next cycle, not a match', async () => {
    const { report, log, users, assignments } = await cycleWith(
      [{ kind: 'conflict', endpoint: 'create' }],
      4,
    );
    expect(report.counts.Create.Failure).toBe(4);
    expect(log[0]).toMatchObject({ errorCode: 'EntryConflict' });
    expect(log[0]!.requests.map((request) => request.status)).toEqual([200, 409]);
    expect(harness!.mock.userCount()).toBe(0);
    harness!.mock.setFaults([]);
    const next = await harness!.engine.runCycle(snapshotOf(users, assignments));
    expect(next.counts.Create.Success).toBe(4); // escrowed users are retried although unchanged
    expectReconciled(harness!, next, ids(users));
  });

  it('429 honours Retry-After, and escrows when the wait is longer than allowed', async () => {
    let throttled = 0;
    const faults: FaultSpec[] = [{ kind: 'tooManyRequests', endpoint: 'create', retryAfterSeconds: 1 }];
    harness = await startHarness(
      { concurrency: 1 },
      {
        faults,
        onRequest: (entry) => {
          // Throttle only the first POST: the engine must wait Retry-After and try again.
          if (entry.status === 429 && (throttled += 1) === 1) harness?.mock.setFaults([]);
        },
      },
    );
    const { users, assignments } = smallTenant(2);
    const report = await harness.engine.runCycle(snapshotOf(users, assignments));
    expect(report.counts.Create.Success).toBe(2);
    const first = harness.engine.result().log[0]!;
    expect(first.requests[1]).toMatchObject({ method: 'POST', status: 201, attempts: 2 });
    expect(report.requests).toBe(5);
    await harness.close();

    const { report: long, log } = await cycleWith(
      [{ kind: 'tooManyRequests', endpoint: 'create', retryAfterSeconds: 60 }],
      3,
    );
    expect(long.counts.Create.Failure).toBe(3);
    expect(log[0]).toMatchObject({ errorCode: 'TooManyRequests' });
    expect(log[0]!.requests[1]).toMatchObject({ status: 429, attempts: 1 });
  });

  it('LOGS / 3P-1PW: a 500 is not retried within the cycle; it is logged and escrowed', async () => {
    const { report, log } = await cycleWith([{ kind: 'serverError', endpoint: 'filter' }], 3, {
      retryAttempts: 3,
    });
    expect(report.counts.Create.Failure).toBe(3);
    expect(log[0]).toMatchObject({ errorCode: 'InternalServerError' });
    expect(log[0]!.requests[0]).toMatchObject({ status: 500, attempts: 1 });
    expect(log[0]!.message).toMatch(/escrowed to the next one/);
    expect(report.requests).toBe(3);
    await harness!.close();

    const created = await cycleWith([{ kind: 'serverError', endpoint: 'create' }], 3);
    expect(created.log[0]!.requests[1]).toMatchObject({ method: 'POST', status: 500, attempts: 1 });
    expect(created.report.counts.Create.Failure).toBe(3);
  });

  it('LOGS: latency past the timeout is a Timeout, not retried within the cycle', async () => {
    const { report, log } = await cycleWith([{ kind: 'latency', endpoint: 'filter', latencyMs: 1_500 }], 2, {
      retryAttempts: 2,
      timeouts: { connectMs: 1_000, headersMs: 300, bodyMs: 300 },
    });
    expect(report.counts.Create.Failure).toBe(2);
    expect(log[0]).toMatchObject({ errorCode: 'Timeout' });
    expect(log[0]!.requests[0]).toMatchObject({ status: null, attempts: 1 });
  });

  it('noResponse on create: Timeout, escrowed, and the next cycle finds or creates the user', async () => {
    const { report, log, users, assignments } = await cycleWith(
      [{ kind: 'noResponse', endpoint: 'create' }],
      3,
      { timeouts: { connectMs: 1_000, headersMs: 300, bodyMs: 300 } },
    );
    expect(report.counts.Create.Failure).toBe(3);
    expect(log[0]).toMatchObject({ errorCode: 'Timeout' });
    harness!.mock.setFaults([]);
    const next = await harness!.engine.runCycle(snapshotOf(users, assignments));
    expect(next.counts.Create.Success + next.counts.Update.Skipped).toBe(3);
    expect(harness!.mock.userCount()).toBe(3);
    expectReconciled(harness!, next, ids(users));
  });

  it('duplicate matches: DuplicateTargetEntries, nothing written', async () => {
    const { report, log } = await cycleWith([{ kind: 'duplicateMatches', endpoint: 'filter' }], 3);
    expect(report.counts.Create.Failure).toBe(3);
    expect(log[0]).toMatchObject({ errorCode: 'DuplicateTargetEntries' });
    expect(harness!.mock.userCount()).toBe(0);
  });

  it('faults on update and delete in an incremental cycle', async () => {
    harness = await startHarness();
    const { users, assignments } = smallTenant(4);
    await harness.engine.runCycle(snapshotOf(users, assignments));
    harness.mock.setFaults([
      { kind: 'serverError', endpoint: 'delete' },
      { kind: 'forbidden', endpoint: 'patch' },
    ]);
    const changed = users
      .slice(0, 3)
      .map((user, index) =>
        index === 0 ? { ...user, attributes: { ...user.attributes, accountEnabled: false } } : user,
      );
    const gone = { ...snapshotOf(changed, assignments), permanentlyDeleted: [users[3]!.objectId] };
    const report = await harness.engine.runCycle(gone);
    expect(report.counts.Disable.Failure).toBe(1);
    expect(report.counts.Delete.Failure).toBe(1);
    expect(report.unchanged).toBe(2);
    expectReconciled(harness, report, ids(changed));
    harness.mock.setFaults([]);
    const retried = await harness.engine.runCycle(gone);
    expect(retried.counts.Disable.Success).toBe(1);
    expect(retried.counts.Delete.Success).toBe(1);
    expect(harness.mock.userCount()).toBe(3);
  });
});
