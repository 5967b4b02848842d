import { describe, expect, it } from 'vitest';
import { summariseProvisioningLogs, type ProvisioningLogRow } from '../../shared/provisioning-logs';
import { rowsOf } from './helpers';

const row = (
  status: ProvisioningLogRow['status'],
  index: number,
  errorCode?: string,
): ProvisioningLogRow => ({
  at: new Date(Date.UTC(2026, 2, 2) + index * 1000).toISOString(),
  action: 'Create',
  status,
  ...(errorCode ? { errorCode } : {}),
  origin: { record: index + 1 },
});
const many = (count: number, status: ProvisioningLogRow['status'], errorCode?: string, offset = 0) =>
  Array.from({ length: count }, (_, index) => row(status, offset + index, errorCode));

describe('provisioning-logs summary', () => {
  const summary = summariseProvisioningLogs(rowsOf('entra-download.csv'), { samplesPerCode: 2 });

  it('counts by action and by status', () => {
    expect(summary.total).toBe(17);
    expect(summary.byAction).toEqual({
      Create: 7,
      Update: 5,
      Delete: 1,
      Disable: 1,
      StagedDelete: 1,
      Other: 2,
    });
    expect(summary.byStatus).toEqual({ Success: 6, Failure: 8, Skipped: 3, Warning: 0 });
    expect(summary.skippedByCode).toEqual({ EntrySynchronizationSkipped: 2, 'No code': 1 });
    expect(summary.stagedDeletes).toBe(1);
  });

  it('groups failures by error code with the first failures, identities and the likely fix', () => {
    expect(summary.errors.map((group) => group.code)).toEqual([
      'DuplicateTargetEntries',
      'EntryConflict',
      'InternalServerError',
      'InvalidAnchor',
      'MandatoryFieldsMissing',
      'SchemaAttributeNotFound',
      'TooManyRequests',
      'Unauthorized',
    ]);
    const conflict = summary.errors.find((group) => group.code === 'EntryConflict')!;
    expect(conflict).toMatchObject({ count: 1, firstAt: '2026-03-02T09:14:07.002Z' });
    expect(conflict.samples).toEqual([
      expect.objectContaining({
        at: '2026-03-02T09:14:07.002Z',
        sourceName: 'Priya Nair',
        sourceId: 'a1b2c3d4-0003-4a5b-9c8d-333333333333',
        changeId: '00000003-c0de-4abc-9def-000000000003',
      }),
    ]);
    expect(conflict.help).toMatchObject({ known: true, matchedBy: 'alias', category: 'conflict' });
    expect(summary.errors.find((group) => group.code === 'Unauthorized')!.help.fix).toContain(
      'Manage user provisioning',
    );
  });

  it('keeps the oldest failures per code, even from a newest-first download, and no more than asked', () => {
    const rows = [...many(4, 'Failure', 'Timeout'), ...many(1, 'Failure', undefined, 10)].reverse();
    const grouped = summariseProvisioningLogs(rows, { samplesPerCode: 3 }).errors;
    expect(grouped[0]).toMatchObject({
      code: 'Timeout',
      count: 4,
      firstAt: rows[4]!.at,
      lastAt: rows[1]!.at,
    });
    expect(grouped[0]!.samples.map((sample) => sample.at)).toEqual([rows[4]!.at, rows[3]!.at, rows[2]!.at]);
    expect(grouped[1]).toMatchObject({
      code: null,
      count: 1,
      help: { known: false, title: 'Failure without an error code' },
    });
  });

  it('reports the time range, cycles in order, and job IDs', () => {
    expect(summary.timeRange).toEqual({ from: '2026-03-02T09:14:05.123Z', to: '2026-03-02T09:55:50.301Z' });
    expect(summary.cycles).toEqual([
      expect.objectContaining({
        cycleId: '2f6c1a9e-3b7d-4e21-8c55-0a9d4e7b1c62',
        events: 8,
        failures: 4,
        from: '2026-03-02T09:14:05.123Z',
        to: '2026-03-02T09:14:13.777Z',
      }),
      expect.objectContaining({ cycleId: '9b4e7d12-6a3f-4c80-b1e9-5d2c8a0f7e34', events: 9, failures: 4 }),
    ]);
    expect(summary.jobIds).toEqual([
      'jostle.0f1c2d3e4a5b46c7a8b9c0d1e2f3a4b5.7e2a9d41-5c3b-4f0e-9a1d-2b8c6e4f1a03',
    ]);
  });

  it('summarises an empty file without a time range', () => {
    const empty = summariseProvisioningLogs([]);
    expect(empty).toMatchObject({
      total: 0,
      errors: [],
      cycles: [],
      quarantine: { likely: false, signals: [] },
    });
    expect(empty).not.toHaveProperty('timeRange');
  });
});

describe('quarantine signals', () => {
  const kinds = (rows: ProvisioningLogRow[]) =>
    summariseProvisioningLogs(rows).quarantine.signals.map((signal) => `${signal.kind}:${signal.severity}`);

  it('calls a job whose every call gets 401 likely quarantined', () => {
    const { quarantine } = summariseProvisioningLogs(rowsOf('revoked-key.json'));
    expect(quarantine.likely).toBe(true);
    expect(quarantine.signals[0]).toMatchObject({
      kind: 'credentials',
      severity: 'high',
      count: 12,
      codes: ['Unauthorized'],
    });
  });

  it("applies Entra's escrow thresholds: 5,000 failures minimum, 40 %, 40,000 cap", () => {
    expect(kinds([...many(4_000, 'Failure', 'EntryConflict'), ...many(100, 'Success')])).toEqual([
      'failure-proportion:watch',
    ]);
    expect(kinds([...many(5_000, 'Failure', 'EntryConflict'), ...many(100, 'Success')])).toEqual([
      'failure-proportion:high',
    ]);
    expect(kinds([...many(20_000, 'Failure', 'EntryConflict'), ...many(100_000, 'Success')])).toEqual([]);
    expect(kinds([...many(41_000, 'Failure', 'EntryConflict'), ...many(100_000, 'Success')])).toEqual([
      'failure-proportion:high',
    ]);
  });

  it('does not count skipped out-of-scope users as attempts', () => {
    const rows = [
      ...many(3, 'Failure', 'EntryConflict'),
      ...many(5, 'Success'),
      ...many(50, 'Skipped', 'EntrySynchronizationSkipped'),
    ];
    expect(summariseProvisioningLogs(rows).quarantine.failureProportion).toEqual({
      failures: 3,
      attempted: 8,
      ratio: 3 / 8,
    });
  });

  it('treats a logged quarantine reason and staged deletes as likely quarantine, throttling as watch', () => {
    expect(
      kinds([row('Failure', 0, 'EncounteredEscrowProportionThreshold'), ...many(9, 'Success', undefined, 1)]),
    ).toContain('quarantine-reason:high');
    expect(kinds([row('Failure', 0, 'TooManyRequests'), ...many(9, 'Success', undefined, 1)])).toEqual([
      'throttling:watch',
    ]);
    const staged = { ...row('Skipped', 0), action: 'Delete' as const, staged: true as const };
    expect(summariseProvisioningLogs([staged]).quarantine).toMatchObject({
      likely: true,
      signals: [{ kind: 'staged-deletes' }],
    });
  });

  it('flags a wrong Tenant URL (SCIM compatibility) when it dominates', () => {
    expect(kinds(many(3, 'Failure', 'SystemForCrossDomainIdentityManagementServiceIncompatible'))).toEqual([
      'scim-compatibility:high',
      'failure-proportion:watch',
    ]);
  });
});
