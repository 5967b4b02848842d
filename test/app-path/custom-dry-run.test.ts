/**
 * The promise of the custom path: the preview flags exactly the users the custom defaults fail at Jostle,
 * the dry run against the real Mock Jostle fails exactly those, and nobody after the fixes or on the gallery path.
 */
import { describe, expect, it } from 'vitest';
import { startMockJostle } from '../../main/mock-jostle';
import { runDryRun } from '../../main/provisioning';
import {
  applyAllFixes,
  defaultMappingFor,
  runPreview,
  toGalleryEquivalent,
  type MappingConfig,
} from '../../shared/mapping';
import type { ScopeConfig } from '../../shared/scoping';
import { generateSyntheticTenant, type SourceUser } from '../../shared/source-data';

const scope: ScopeConfig = { version: 1, scope: 'allUsers', filters: [] };

/** Users with none of the attributes the generic defaults send and Jostle does not list. */
function plainUser(index: number): SourceUser {
  return {
    objectId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    userPrincipalName: `plain${index}@contoso.example`,
    attributes: {
      userPrincipalName: `plain${index}@contoso.example`,
      givenName: 'Plain',
      surname: `User${index}`,
      displayName: `Plain User${index}`,
      mail: `plain${index}@contoso.example`,
      mailNickname: `plain${index}`,
      accountEnabled: true,
    },
  } as SourceUser;
}

function flaggedByPreview(users: readonly SourceUser[], mapping: MappingConfig): string[] {
  const { rows } = runPreview({ users, scope, mapping });
  return rows
    .filter((row) => row.inScope && row.activeInSource && row.failures.length > 0)
    .map((row) => row.userPrincipalName)
    .sort();
}

async function failedInDryRun(users: readonly SourceUser[], mapping: MappingConfig): Promise<string[]> {
  const mock = await startMockJostle();
  try {
    const result = await runDryRun({
      target: { kind: 'mock', baseUrl: mock.baseUrl, token: mock.token },
      clientOptions: { env: {} },
      // Entra starts evaluating quarantine at 5,000 failures (QUAR); keep every user in the run.
      quarantine: { evaluationStartFailures: 5_000 },
      snapshots: [{ users, scope, mapping }],
    });
    return result.log
      .filter((entry) => entry.status === 'Failure')
      .map((entry) => entry.userPrincipalName)
      .sort();
  } finally {
    await mock.close();
  }
}

describe('custom defaults: preview and dry run agree', () => {
  const tenant = generateSyntheticTenant({ users: 40, seed: 22 });
  const users = [...tenant.users, plainUser(1), plainUser(2)];

  it('flags users before any request, and Mock Jostle fails exactly those', async () => {
    const custom = defaultMappingFor('custom');
    const flagged = flaggedByPreview(users, custom);
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged).not.toContain('plain1@contoso.example');
    expect(await failedInDryRun(users, custom)).toEqual(flagged);
  });

  it('nobody fails after Fix all, with the gallery equivalent, or on the gallery path', async () => {
    const fixed: MappingConfig = {
      version: 1,
      mappings: applyAllFixes(defaultMappingFor('custom').mappings),
    };
    for (const mapping of [
      fixed,
      toGalleryEquivalent(defaultMappingFor('custom')),
      defaultMappingFor('gallery'),
    ]) {
      expect(flaggedByPreview(users, mapping)).toEqual([]);
      expect(await failedInDryRun(users, mapping)).toEqual([]);
    }
  });
});
