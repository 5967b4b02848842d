/**
 * A created user's fingerprint is taken from the create build (no second build), and must be exactly what
 * the next cycle's update build gives, or an unchanged user would be sent again. Where the two builds may
 * differ (create-only mappings, create-time defaults, volatile functions) no shortcut is taken.
 */
import { describe, expect, it } from 'vitest';
import {
  compileSource,
  createdFingerprint,
  plannedUser,
  sourceUser,
  updateFingerprint,
} from '../../main/provisioning/source-plan';
import { GALLERY_DEFAULT_CONFIG, type AttributeMapping, type MappingConfig } from '../../shared/mapping';
import { generateSyntheticTable } from '../../shared/source-data';

const { users, assignments } = generateSyntheticTable({ users: 2_000, seed: 7 });

function fingerprints(mapping: MappingConfig) {
  const source = compileSource({
    users,
    assignments,
    scope: { version: 1, scope: 'assignedOnly', filters: [] },
    mapping,
  });
  return Array.from({ length: users.length }, (_, row) => {
    const planned = plannedUser(source, row);
    const created = source.mapping.build(sourceUser(source, planned), {
      operation: 'create',
      isSoftDeleted: planned.softDeleted,
      appRoles: planned.appRoles,
    });
    return {
      fromCreate: createdFingerprint(planned, created),
      fromUpdate: updateFingerprint(source, { ...planned, user: undefined }).fingerprint,
    };
  });
}

const withMapping = (extra: AttributeMapping): MappingConfig => ({
  version: 1,
  mappings: [...GALLERY_DEFAULT_CONFIG.mappings, extra],
});

describe('the fingerprint of a user just created', () => {
  it('equals the update build’s for every user under the gallery defaults, assigned or not', () => {
    const all = fingerprints(GALLERY_DEFAULT_CONFIG);
    expect(all.every(({ fromCreate }) => fromCreate !== undefined)).toBe(true);
    for (const { fromCreate, fromUpdate } of all) expect(fromCreate).toBe(fromUpdate);
    // Not one constant: the fingerprints tell users apart.
    expect(new Set(all.map(({ fromCreate }) => fromCreate)).size).toBeGreaterThan(1_900);
  });

  it('is left to the update build when an "Only during object creation" mapping sent a value', () => {
    const all = fingerprints(
      withMapping({ type: 'Direct', source: 'department', target: 'title', apply: 'OnlyDuringCreation' }),
    );
    const withValue = all.filter(({ fromCreate }) => fromCreate === undefined);
    expect(withValue.length).toBeGreaterThan(0);
    // Users without a department sent nothing create-only: the shortcut still holds for them.
    for (const { fromCreate, fromUpdate } of all)
      if (fromCreate !== undefined) expect(fromCreate).toBe(fromUpdate);
  });

  it('is left to the update build when a create-time default filled a target', () => {
    const all = fingerprints(
      withMapping({ type: 'None', target: 'title', apply: 'Always', defaultValue: 'Employee' }),
    );
    expect(all.every(({ fromCreate }) => fromCreate === undefined)).toBe(true);
  });

  it('is left to the update build when a volatile function ran', () => {
    const all = fingerprints(
      withMapping({ type: 'Expression', expression: 'Now()', target: 'title', apply: 'Always' }),
    );
    expect(all.every(({ fromCreate }) => fromCreate === undefined)).toBe(true);
  });
});
