import { describe, expect, it } from 'vitest';
import { UserStateTable } from '../../main/provisioning/user-state-table';

describe('the per-user state columns', () => {
  it('finds users by object id and keeps each column apart, across growth past the first block', () => {
    const states = new UserStateTable();
    for (let at = 0; at < 3000; at += 1) states.add(`id-${at}`, `user${at}@contoso.com`, 1);
    expect(states.size).toBe(3000);
    expect(states.rowOf('id-2999')).toBe(2999);
    expect(states.rowOf('missing')).toBe(-1);
    const row = states.rowOf('id-1500');
    expect(states.known(row)).toBe(false);
    states.setTargetId(row, 'target-1500');
    states.setActive(row, true);
    states.setManaged(row, true);
    states.setFingerprint(row, 2 ** 52 - 1);
    states.setMissingSinceDay(row, 0);
    states.setOutcome(row, 2, 'Create:Success');
    states.setUserPrincipalName(row, 'renamed@contoso.com');
    expect(states.known(row)).toBe(true);
    expect(states.targetId(row)).toBe('target-1500');
    expect(states.active(row) && states.managed(row) && !states.deleted(row)).toBe(true);
    expect(states.fingerprint(row)).toBe(2 ** 52 - 1);
    expect(states.missingSinceDay(row)).toBe(0);
    expect([states.cycle(row), states.outcome(row)]).toEqual([2, 'Create:Success']);
    expect(states.userPrincipalName(row)).toBe('renamed@contoso.com');
    expect(states.objectId(row)).toBe('id-1500');
    // Neighbours are untouched.
    expect(states.targetId(row + 1)).toBeNull();
    expect(states.fingerprint(row - 1)).toBeNull();
    expect(states.userPrincipalName(row + 1)).toBe('user1501@contoso.com');
    expect(states.outcome(row + 1)).toBe('NotProcessed');
    states.setDeleted(row, true);
    states.setTargetId(row, null);
    expect(states.known(row)).toBe(false);
    states.clear();
    expect(states.size).toBe(0);
    expect(states.rowOf('id-1500')).toBe(-1);
  });
});
