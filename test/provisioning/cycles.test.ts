import { guestExternalAddress } from '../../shared/source-data/guest-upn';
import { afterEach, describe, expect, it } from 'vitest';
import {
  expectReconciled,
  smallTenant,
  snapshotOf,
  startHarness,
  withAttributes,
  writesIn,
  type Harness,
} from './helpers';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('provisioning cycles against the mock', () => {
  it('creates every in-scope user, then an identical cycle sends nothing', async () => {
    harness = await startHarness();
    const { users, assignments } = smallTenant(40);
    // Ten users are not assigned: out of scope, never touched.
    const assigned = { users: assignments.users.slice(0, 30), groups: [] };
    const first = await harness.engine.runCycle(snapshotOf(users, assigned));
    expect(first.kind).toBe('initial');
    expect(first.inScope).toBe(30);
    expect(first.counts.Create.Success).toBe(30);
    expect(first.outOfScope).toBe(10);
    expect(first.requests).toBe(60); // a lookup and a POST per user
    expect(harness.mock.userCount()).toBe(30);
    expectReconciled(
      harness,
      first,
      assigned.users.map((user) => user.id),
    );
    const entry = harness.engine.result().log[0]!;
    expect(entry.requests.map((request) => request.method)).toEqual(['GET', 'POST']);
    expect(entry.requests[0]!.path).toMatch(/^\/Users\?filter=userName\+eq\+%22/);
    expect(entry.targetId).toBeTruthy();

    harness.mock.clearLog();
    const second = await harness.engine.runCycle(snapshotOf(users, assigned));
    expect(second.kind).toBe('incremental');
    expect(second.requests).toBe(0);
    expect(harness.mock.requestLog()).toHaveLength(0);
    expect(second.unchanged).toBe(30);
    expectReconciled(
      harness,
      second,
      assigned.users.map((user) => user.id),
    );
  });

  it('patches only the attributes that changed, with the diff in the log', async () => {
    harness = await startHarness();
    const { users, assignments } = smallTenant(6);
    await harness.engine.runCycle(snapshotOf(users, assignments));
    harness.mock.clearLog();
    const renamed = users.map((user, index) =>
      index === 0 ? withAttributes(user, { surname: 'Renamed' }) : user,
    );
    const report = await harness.engine.runCycle(snapshotOf(renamed, assignments));
    expect(report.counts.Update.Success).toBe(1);
    expect(report.unchanged).toBe(5);
    const update = harness.engine.result().log.find((entry) => entry.cycle === 2)!;
    expect(update.action).toBe('Update');
    expect(update.diff).toEqual([
      { attribute: 'name.familyName', old: users[0]!.attributes.surname, new: 'Renamed' },
    ]);
    // The cached id is used: a read by id, then the PATCH; no lookup by filter.
    expect(harness.mock.requestLog().map((entry) => `${entry.method} ${entry.path.split('?')[0]}`)).toEqual([
      `GET /scim2/Users/${update.targetId}`,
      `PATCH /scim2/Users/${update.targetId}`,
    ]);
    const stored = harness.mock.findUserByUserName(users[0]!.userPrincipalName);
    expect((stored?.data.name as { familyName?: string }).familyName).toBe('Renamed');
  });

  it('HOW initial cycle: against a populated Jostle it matches instead of creating; in sync is Other', async () => {
    harness = await startHarness();
    const { users, assignments } = smallTenant(5);
    await harness.engine.runCycle(snapshotOf(users, assignments));
    const { mock } = harness;
    await harness.engine.close();
    const { createProvisioningEngine } = await import('../../main/provisioning');
    const engine = createProvisioningEngine({
      target: { kind: 'mock', baseUrl: mock.baseUrl, token: mock.token },
      clientOptions: { env: {} },
    });
    harness = {
      mock,
      engine,
      close: async () => {
        await engine.close();
        await mock.close();
      },
    };
    mock.clearLog();
    const report = await engine.runCycle(snapshotOf(users, assignments));
    expect(report.counts.Create.Success).toBe(0);
    // concept-provisioning-logs: "Other" covers source and target already matching.
    expect(report.counts.Other.Skipped).toBe(5);
    expect(harness.engine.result().log[0]).toMatchObject({
      action: 'Other',
      status: 'Skipped',
      errorCode: 'EntrySynchronizationSkipped',
    });
    expect(writesIn(mock)).toBe(0);
  });

  for (const dialect of ['default', 'aadOptscim062020'] as const) {
    it(`COMPAT: disabling a user in the source sends PATCH active false (${dialect})`, async () => {
      harness = await startHarness({ patchDialect: dialect });
      const { users, assignments } = smallTenant(5);
      await harness.engine.runCycle(snapshotOf(users, assignments));
      harness.mock.clearLog();
      const changed = users.map((user, index) =>
        index === 2 ? withAttributes(user, { accountEnabled: false }) : user,
      );
      const report = await harness.engine.runCycle(snapshotOf(changed, assignments));
      expect(report.counts.Disable.Success).toBe(1);
      expect(report.unchanged).toBe(4);
      const patch = harness.mock.requestLog().find((entry) => entry.method === 'PATCH')!;
      const operations = (patch.requestBody as { Operations: unknown[] }).Operations;
      if (dialect === 'default')
        expect(operations).toEqual([{ op: 'Replace', path: 'active', value: 'False' }]);
      else expect(operations).toEqual([{ op: 'replace', path: 'active', value: false }]);
      // users[2] of the synthetic tenant is a B2B guest: Jostle holds alias@theirdomain (HOW).
      const upn = users[2]!.userPrincipalName;
      expect(harness.mock.findUserByUserName(guestExternalAddress(upn) ?? upn)?.data.active).toBe(false);
      const entry = harness.engine.result().log.find((logged) => logged.action === 'Disable')!;
      expect(entry.diff).toEqual([{ attribute: 'active', old: true, new: false }]);
      expectReconciled(
        harness,
        report,
        users.map((user) => user.objectId),
      );
    });
  }

  it('HOW: disables users who leave scope or are deleted in Entra (soft delete), and sends no DELETE yet', async () => {
    harness = await startHarness();
    const { users, assignments } = smallTenant(6);
    await harness.engine.runCycle(snapshotOf(users, assignments));
    harness.mock.clearLog();
    const unassigned = {
      users: assignments.users.filter((user) => user.id !== users[1]!.objectId),
      groups: [],
    };
    const remaining = users.filter((user) => user !== users[4]);
    const report = await harness.engine.runCycle(snapshotOf(remaining, unassigned));
    expect(report.counts.Disable.Success).toBe(2);
    expect(report.counts.Delete.Success).toBe(0);
    expect(report.unchanged).toBe(4);
    expect(report.deletionsPlanned).toBe(2);
    expect(harness.mock.findUserByUserName(users[1]!.userPrincipalName)?.data.active).toBe(false);
    expect(harness.mock.findUserByUserName(users[4]!.userPrincipalName)?.data.active).toBe(false);
    expect(
      harness.mock
        .requestLog()
        .map((entry) => entry.method)
        .sort(),
    ).toEqual(['GET', 'GET', 'PATCH', 'PATCH']);
    expectReconciled(
      harness,
      report,
      remaining.filter((user) => user !== users[1]).map((user) => user.objectId),
    );

    // Third cycle: nothing changed since, so nothing is sent.
    harness.mock.clearLog();
    const third = await harness.engine.runCycle(snapshotOf(remaining, unassigned));
    expect(third.requests).toBe(0);
    expect(third.considered).toBe(5);
  });

  it('GOV: a disabled, never-provisioned user is Create · Skipped · NotEffectivelyEntitled with no request; no matching value is ImportSkipped', async () => {
    harness = await startHarness();
    const { users, assignments } = smallTenant(3);
    const changed = [withAttributes(users[0]!, { accountEnabled: false }), users[1]!, users[2]!];
    const blank = {
      ...changed[1]!,
      userPrincipalName: '',
      attributes: { ...changed[1]!.attributes, userPrincipalName: '' },
    };
    const report = await harness.engine.runCycle(snapshotOf([changed[0]!, blank, changed[2]!], assignments));
    const log = harness.engine.result().log;
    expect(log.find((entry) => entry.objectId === users[0]!.objectId)).toMatchObject({
      action: 'Create',
      status: 'Skipped',
      errorCode: 'NotEffectivelyEntitled',
      requests: [],
    });
    expect(log.find((entry) => entry.objectId === users[1]!.objectId)).toMatchObject({
      action: 'Other',
      errorCode: 'ImportSkipped',
    });
    expect(report.counts.Create.Success).toBe(1);
    expect(harness.mock.userCount()).toBe(1);
    const lookups = harness.mock.requestLog().filter((entry) => entry.path.includes('filter='));
    expect(
      lookups.some((entry) => decodeURIComponent(entry.path).includes(users[0]!.userPrincipalName)),
    ).toBe(false);
  });

  it('start small: touches at most maxUsersPerRun users and reports the rest', async () => {
    harness = await startHarness({ maxUsersPerRun: 3 });
    const { users, assignments } = smallTenant(8);
    const report = await harness.engine.runCycle(snapshotOf(users, assignments));
    expect(report.counts.Create.Success).toBe(3);
    expect(report.notProcessed).toBe(5);
    expect(report.notProcessedReasons.startSmallLimit).toBe(5);
    expect(report.notProcessedSample).toEqual(users.slice(3).map((user) => user.userPrincipalName));
    expect(harness.mock.userCount()).toBe(3);
    expectReconciled(
      harness,
      report,
      users.map((user) => user.objectId),
    );
    const second = await harness.engine.runCycle(snapshotOf(users, assignments));
    expect(second.requests).toBe(0); // the same three, unchanged; the others still over the limit
    expect(second.notProcessed).toBe(5);
  });

  it('produces a DryRunSummary with the estimate and no token anywhere', async () => {
    harness = await startHarness();
    const { users, assignments } = smallTenant(4);
    await harness.engine.runCycle(snapshotOf(users, assignments));
    const result = harness.engine.result();
    expect(result.summary).toMatchObject({
      target: 'mock',
      targetHost: null,
      patchDialect: 'default',
      quarantine: { quarantined: false, reason: null },
      estimate: { objectsInScope: 4, minMinutes: 0.04, maxMinutes: 0.32, formula: 'syncAssigned' },
    });
    const text = JSON.stringify(result);
    expect(text).not.toContain(harness.mock.token);
    expect(JSON.parse(text)).toEqual(result);
  });
});
