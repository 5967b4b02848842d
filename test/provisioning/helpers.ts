import { expect } from 'vitest';
import { GALLERY_DEFAULT_CONFIG } from '../../shared/mapping';
import { DEFAULT_SCOPE_CONFIG } from '../../shared/scoping';
import { generateSyntheticTenant, type AssignmentList, type SourceUser } from '../../shared/source-data';
import { startMockJostle, type MockJostle, type MockJostleOptions } from '../../main/mock-jostle';
import {
  createProvisioningEngine,
  type CycleReport,
  type ProvisioningEngine,
  type ProvisioningEngineOptions,
  type SourceSnapshot,
} from '../../main/provisioning';

export interface Harness {
  mock: MockJostle;
  engine: ProvisioningEngine;
  close(): Promise<void>;
}

/** A mock on loopback and an engine pointed at it, with short timeouts and quick retries. */
export async function startHarness(
  engineOptions: Partial<ProvisioningEngineOptions> = {},
  mockOptions: MockJostleOptions = {},
): Promise<Harness> {
  const mock = await startMockJostle({ logCapacity: 10_000, ...mockOptions });
  const engine = createProvisioningEngine({
    target: { kind: 'mock', baseUrl: mock.baseUrl, token: mock.token },
    concurrency: 8,
    retryBaseDelayMs: 5,
    retryMaxDelayMs: 2_000,
    // Generous: 5xx and timeouts are not retried within a cycle (as in Entra), so a slow shared CI machine must not
    // turn into failures. Tests of timeouts pass their own short ones.
    timeouts: { connectMs: 2_000, headersMs: 3_000, bodyMs: 3_000 },
    clientOptions: { env: {} },
    ...engineOptions,
  });
  return {
    mock,
    engine,
    async close() {
      await engine.close();
      await mock.close();
    },
  };
}

/** A small tenant: every user assigned directly, so scope is easy to reason about in tests. */
export function smallTenant(count: number, seed = 7): { users: SourceUser[]; assignments: AssignmentList } {
  const { users } = generateSyntheticTenant({ users: count, seed });
  const enabled = users.map((user) => ({
    ...user,
    attributes: { ...user.attributes, accountEnabled: true },
  }));
  return {
    users: enabled,
    assignments: {
      users: enabled.map((user) => ({ id: user.objectId, appRole: 'User' })),
      groups: [],
    },
  };
}

export function snapshotOf(users: SourceUser[], assignments: AssignmentList): SourceSnapshot {
  return { users, assignments, scope: DEFAULT_SCOPE_CONFIG, mapping: GALLERY_DEFAULT_CONFIG };
}

export function withAttributes(
  user: SourceUser,
  changes: Record<string, string | boolean | null>,
): SourceUser {
  return { ...user, attributes: { ...user.attributes, ...changes } };
}

/** Sum of every action/status count in a cycle. */
export function totalCounted(report: CycleReport): number {
  return Object.values(report.counts).reduce(
    (sum, byStatus) => sum + Object.values(byStatus).reduce((a, b) => a + b, 0),
    0,
  );
}

export function writesIn(mock: MockJostle): number {
  return mock.requestLog().filter((entry) => entry.method !== 'GET').length;
}

/**
 * Nothing lost: the counts reconcile, every in-scope user ended this cycle in exactly one state, and no user
 * has two log entries in one cycle.
 */
export function expectReconciled(harness: Harness, report: CycleReport, inScopeIds: readonly string[]): void {
  expect(report.reconciled).toBe(true);
  expect(totalCounted(report) + report.unchanged + report.notProcessed).toBe(report.considered);
  const outcomes = harness.engine.userOutcomes().filter((outcome) => outcome.cycle === report.cycle);
  const byId = new Map<string, number>();
  for (const outcome of outcomes) byId.set(outcome.objectId, (byId.get(outcome.objectId) ?? 0) + 1);
  for (const id of inScopeIds) expect(byId.get(id), `outcome for ${id}`).toBe(1);
  const entries = harness.engine.result().log.filter((entry) => entry.cycle === report.cycle);
  const seen = new Set<string>();
  for (const entry of entries) {
    expect(seen.has(entry.objectId), `two log entries for ${entry.objectId}`).toBe(false);
    seen.add(entry.objectId);
  }
  expect(entries.length).toBe(totalCounted(report));
}
