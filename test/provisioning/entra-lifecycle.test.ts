/**
 * The dry run's deletion lifecycle, job settings and anchors, each pinned to the Microsoft source it follows
 * (keys as in docs/entra-fidelity.md), against the real Mock Jostle on loopback.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SOFT_DELETE_RETENTION_DAYS } from '../../main/provisioning';
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

const methods = (h: Harness) => h.mock.requestLog().map((entry) => entry.method);

describe('deletion lifecycle (HOW)', () => {
  it('HOW: a user missing from the next import is disabled, and DELETEd only 30 simulated days later', async () => {
    harness = await startHarness();
    const { users, assignments } = smallTenant(4);
    await harness.engine.runCycle(snapshotOf(users, assignments));
    const kept = users.slice(0, 3);
    const gone = users[3]!;

    harness.mock.clearLog();
    const second = await harness.engine.runCycle(snapshotOf(kept, assignments));
    expect(second.counts.Disable.Success).toBe(1);
    expect(second.counts.Delete.Success).toBe(0);
    expect(methods(harness)).not.toContain('DELETE');
    expect(harness.mock.findUserByUserName(gone.userPrincipalName)?.data.active).toBe(false);

    harness.mock.clearLog();
    const waiting = await harness.engine.runCycle({
      ...snapshotOf(kept, assignments),
      daysSincePreviousCycle: SOFT_DELETE_RETENTION_DAYS - 1,
    });
    expect(waiting.requests).toBe(0); // still in the recycle bin, already disabled

    const expired = await harness.engine.runCycle({
      ...snapshotOf(kept, assignments),
      daysSincePreviousCycle: 1,
    });
    expect(expired.counts.Delete.Success).toBe(1);
    expect(harness.mock.findUserByUserName(gone.userPrincipalName)).toBeUndefined();
    expectReconciled(
      harness,
      expired,
      kept.map((user) => user.objectId),
    );
  });

  it('HOW: a user the admin marks permanently deleted is DELETEd in the cycle they disappear', async () => {
    harness = await startHarness();
    const { users, assignments } = smallTenant(3);
    await harness.engine.runCycle(snapshotOf(users, assignments));
    harness.mock.clearLog();
    const report = await harness.engine.runCycle({
      ...snapshotOf(users.slice(0, 2), assignments),
      permanentlyDeleted: [users[2]!.userPrincipalName.toUpperCase()],
    });
    expect(report.counts.Delete.Success).toBe(1);
    expect(report.counts.Disable.Success).toBe(0);
    expect(methods(harness)).toEqual(['DELETE']);
  });

  it('HOW known limitations: an unassigned user who is then deleted gets nothing, even a permanent delete', async () => {
    harness = await startHarness();
    const { users, assignments } = smallTenant(3);
    await harness.engine.runCycle(snapshotOf(users, assignments));
    const unassigned = { users: assignments.users.slice(1), groups: [] };
    const second = await harness.engine.runCycle(snapshotOf(users, unassigned));
    expect(second.counts.Disable.Success).toBe(1);
    harness.mock.clearLog();
    const third = await harness.engine.runCycle({
      ...snapshotOf(users.slice(1), unassigned),
      permanentlyDeleted: [users[0]!.objectId],
      daysSincePreviousCycle: 45,
    });
    expect(third.requests).toBe(0);
    expect(harness.mock.requestLog()).toHaveLength(0);
    expect(harness.mock.findUserByUserName(users[0]!.userPrincipalName)?.data.active).toBe(false);
  });

  it('HOW: a soft-deleted user restored before 30 days is enabled again, never deleted', async () => {
    harness = await startHarness();
    const { users, assignments } = smallTenant(2);
    await harness.engine.runCycle(snapshotOf(users, assignments));
    await harness.engine.runCycle(snapshotOf(users.slice(0, 1), assignments));
    const back = await harness.engine.runCycle({
      ...snapshotOf(users, assignments),
      daysSincePreviousCycle: 10,
    });
    expect(back.counts.Update.Success).toBe(1);
    const later = await harness.engine.runCycle({
      ...snapshotOf(users, assignments),
      daysSincePreviousCycle: 40,
    });
    expect(later.counts.Delete.Success).toBe(0);
    expect(harness.mock.findUserByUserName(users[1]!.userPrincipalName)?.data.active).toBe(true);
  });
});

describe('job settings', () => {
  it('SKIP: with SkipOutOfScopeDeletions on, a user who leaves scope is not disabled (Other · Skipped)', async () => {
    harness = await startHarness({ skipOutOfScopeDeletions: true });
    const { users, assignments } = smallTenant(3);
    await harness.engine.runCycle(snapshotOf(users, assignments));
    harness.mock.clearLog();
    const report = await harness.engine.runCycle(
      snapshotOf(users, { users: assignments.users.slice(1), groups: [] }),
    );
    expect(report.counts.Disable.Success).toBe(0);
    expect(report.counts.Other.Skipped).toBe(1);
    expect(harness.mock.requestLog()).toHaveLength(0);
    expect(harness.mock.findUserByUserName(users[0]!.userPrincipalName)?.data.active).toBe(true);
    expect(harness.engine.result().summary.settings?.skipOutOfScopeDeletions).toBe(true);
  });

  it('SKIP: off by default, so a user who leaves scope is disabled', async () => {
    harness = await startHarness();
    const { users, assignments } = smallTenant(2);
    await harness.engine.runCycle(snapshotOf(users, assignments));
    const report = await harness.engine.runCycle(
      snapshotOf(users, { users: assignments.users.slice(1), groups: [] }),
    );
    expect(report.counts.Disable.Success).toBe(1);
  });

  it('HOW note: with the Delete target object action off, no DELETE is sent', async () => {
    harness = await startHarness({ targetObjectActions: { delete: false } });
    const { users, assignments } = smallTenant(2);
    await harness.engine.runCycle(snapshotOf(users, assignments));
    harness.mock.clearLog();
    const report = await harness.engine.runCycle({
      ...snapshotOf(users.slice(0, 1), assignments),
      permanentlyDeleted: [users[1]!.objectId],
    });
    expect(report.counts.Delete.Skipped).toBe(1);
    expect(harness.engine.result().log.at(-1)?.errorCode).toBe('TargetObjectActionDisabled');
    expect(harness.mock.requestLog()).toHaveLength(0);
    expect(harness.mock.userCount()).toBe(2);
  });

  it('HOW note: with Create off nothing is POSTed; with Update off no PATCH, not even a disable', async () => {
    harness = await startHarness({ targetObjectActions: { create: false, update: false } });
    const { users, assignments } = smallTenant(2);
    const first = await harness.engine.runCycle(snapshotOf(users, assignments));
    expect(first.counts.Create.Skipped).toBe(2);
    expect(methods(harness)).toEqual(['GET', 'GET']);
    await harness.close();

    harness = await startHarness({ targetObjectActions: { update: false } });
    await harness.engine.runCycle(snapshotOf(users, assignments));
    harness.mock.clearLog();
    const disabled = users.map((user, index) =>
      index === 0 ? withAttributes(user, { accountEnabled: false }) : user,
    );
    const report = await harness.engine.runCycle(snapshotOf(disabled, assignments));
    expect(report.counts.Disable.Skipped).toBe(1);
    expect(methods(harness)).toEqual(['GET']);
    expect(harness.mock.findUserByUserName(users[0]!.userPrincipalName)?.data.active).toBe(true);
  });
});

describe('anchors and matching', () => {
  it('LOGS InvalidAnchor: keeps failing every cycle, with no new POST, until the job is restarted', async () => {
    harness = await startHarness();
    const { users, assignments } = smallTenant(2);
    await harness.engine.runCycle(snapshotOf(users, assignments));
    const stored = harness.mock.findUserByUserName(users[0]!.userPrincipalName)!;
    const removed = await fetch(`${harness.mock.baseUrl}/Users/${stored.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${harness.mock.token}` },
    });
    expect(removed.status).toBe(204);
    const renamed = users.map((user, index) =>
      index === 0 ? withAttributes(user, { surname: 'Moved' }) : user,
    );

    for (let cycle = 0; cycle < 2; cycle += 1) {
      harness.mock.clearLog();
      const report = await harness.engine.runCycle(snapshotOf(renamed, assignments));
      expect(report.counts.Update.Failure).toBe(1);
      expect(methods(harness)).toEqual(['GET']);
      expect(harness.engine.result().log.at(-1)).toMatchObject({
        errorCode: 'InvalidAnchor',
        targetId: stored.id,
      });
    }

    harness.engine.restart();
    harness.mock.clearLog();
    const restarted = await harness.engine.runCycle(snapshotOf(renamed, assignments));
    expect(restarted.kind).toBe('initial');
    expect(restarted.counts.Create.Success).toBe(1);
    expect(restarted.counts.Other.Skipped).toBe(1); // the other user is matched again, already in sync
    expect(harness.mock.userCount()).toBe(2);
  });

  it('KNOWN: a matching value with a character Entra cannot filter on fails, and no lookup is sent', async () => {
    harness = await startHarness();
    const { users, assignments } = smallTenant(2);
    const odd = { ...users[0]!, userPrincipalName: 'o"brien@contoso.example' };
    odd.attributes = { ...odd.attributes, userPrincipalName: odd.userPrincipalName };
    const report = await harness.engine.runCycle(snapshotOf([odd, users[1]!], assignments));
    expect(report.counts.Create.Failure).toBe(1);
    expect(harness.engine.result().log.find((entry) => entry.objectId === odd.objectId)).toMatchObject({
      errorCode: 'SpecialCharactersInMatchingValue',
      requests: [],
    });
    expect(report.counts.Create.Success).toBe(1);
  });

  it('LOGS: under Sync all, out-of-scope users are logged Skipped (NotEffectivelyEntitled) and get no request', async () => {
    harness = await startHarness();
    const { users } = smallTenant(4);
    const scoped = users.map((user, index) =>
      withAttributes(user, { department: index < 2 ? 'Sales' : 'Ops' }),
    );
    const report = await harness.engine.runCycle({
      users: scoped,
      scope: {
        version: 1,
        scope: 'allUsers',
        filters: [
          { title: 'Sales', clauses: [{ attribute: 'department', operator: 'EQUALS', value: 'Sales' }] },
        ],
      },
      mapping: snapshotOf(users, { users: [], groups: [] }).mapping,
    });
    expect(report.counts.Create.Success).toBe(2);
    expect(report.counts.Other.Skipped).toBe(2);
    const skipped = harness.engine.result().log.filter((entry) => entry.action === 'Other');
    expect(
      skipped.every((entry) => entry.errorCode === 'NotEffectivelyEntitled' && entry.requests.length === 0),
    ).toBe(true);
    expect(harness.engine.result().summary.estimate.formula).toBe('none');
  });

  it('WHEN: the initial-cycle estimate counts assigned users, groups and group members', async () => {
    harness = await startHarness();
    const { users } = smallTenant(10);
    const assignments = {
      users: users.slice(0, 3).map((user) => ({ id: user.objectId, appRole: null })),
      groups: [
        {
          id: 'g1',
          displayName: 'Team',
          memberUsers: users.slice(3, 8).map((user) => user.objectId),
          memberGroups: [],
          appRole: null,
        },
      ],
    };
    await harness.engine.runCycle(snapshotOf(users, assignments));
    // 3 users + 1 group + 5 members = 9 objects.
    expect(harness.engine.result().summary.estimate).toEqual({
      objectsInScope: 9,
      minMinutes: 0.09,
      maxMinutes: 0.72,
      formula: 'syncAssigned',
    });
  });

  it('WHEN: an assignment with no user in the import is counted as Microsoft does, and named, not put in scope', async () => {
    harness = await startHarness();
    const { users } = smallTenant(3);
    const assignments = {
      users: [
        ...users.map((user) => ({ id: user.objectId, appRole: null })),
        { id: 'ghost@contoso.example', appRole: null },
      ],
      groups: [],
    };
    const report = await harness.engine.runCycle(snapshotOf(users, assignments));
    expect(report.inScope).toBe(3);
    expect(harness.engine.result().summary.estimate).toMatchObject({
      objectsInScope: 4,
      unmatchedAssignments: 1,
    });
  });
});

describe('aadOptscim062020 (COMPAT)', () => {
  it('COMPAT: one changed attribute keeps its path; several collapse into one path-less replace; Mock Jostle accepts both', async () => {
    harness = await startHarness({ patchDialect: 'aadOptscim062020' });
    const { users, assignments } = smallTenant(2);
    await harness.engine.runCycle(snapshotOf(users, assignments));
    harness.mock.clearLog();
    const changed = [
      withAttributes(users[0]!, { givenName: 'Babs' }),
      withAttributes(users[1]!, { givenName: 'Kkom', surname: 'Unua' }),
    ];
    const report = await harness.engine.runCycle(snapshotOf(changed, assignments));
    expect(report.counts.Update.Success).toBe(2);
    const bodies = harness.mock
      .requestLog()
      .filter((entry) => entry.method === 'PATCH')
      .map((entry) => (entry.requestBody as { Operations: unknown[] }).Operations);
    expect(bodies).toContainEqual([{ op: 'replace', path: 'name.givenName', value: 'Babs' }]);
    expect(bodies).toContainEqual([
      { op: 'replace', value: { 'name.givenName': 'Kkom', 'name.familyName': 'Unua' } },
    ]);
    expect(harness.mock.findUserByUserName(users[1]!.userPrincipalName)?.data.name).toMatchObject({
      givenName: 'Kkom',
      familyName: 'Unua',
    });
  });
});

describe('log vocabulary', () => {
  it('3P-1PW: a 400 is logged as SystemForCrossDomainIdentityManagementBadRequest', async () => {
    const { codeForStatus } = await import('../../main/provisioning/entra-codes');
    expect(codeForStatus(400, 'write')).toBe('SystemForCrossDomainIdentityManagementBadRequest');
  });

  it('concept-provisioning-logs: every action the dry run logs is one of Entra’s six', async () => {
    const { provisioningActions } = await import('../../shared/provisioning/summary');
    expect([...provisioningActions].sort()).toEqual(
      ['Create', 'Delete', 'Disable', 'Other', 'StagedDelete', 'Update'].sort(),
    );
  });
});
