import { describe, expect, it } from 'vitest';
import { ProvisioningLog } from '../../main/provisioning/log-store';
import type { NewLogEntry } from '../../main/provisioning/log-store';

const SECRET = 'log-paging-secret-token-1234';

function entry(index: number): NewLogEntry {
  return {
    cycle: 1,
    action: 'Create',
    status: index % 3 === 0 ? 'Failure' : 'Success',
    errorCode: index % 3 === 0 ? 'SystemForCrossDomainIdentityManagementBadResponse' : null,
    message: `user ${index} (${SECRET})`,
    objectId: `object-${index}`,
    userPrincipalName: `user.${index}@contoso.example`,
    targetId: `target-${index}`,
    diff: [],
    exchanges: [],
  };
}

describe('the provisioning log past its in-memory bound', () => {
  it('pages later entries to disk and gives every entry back in order, unchanged', () => {
    const paged = new ProvisioningLog(
      { detailedSuccesses: 1, maxEntries: 10_000, maxBodyChars: 100, inMemoryEntries: 3 },
      [SECRET],
    );
    const inMemory = new ProvisioningLog({ detailedSuccesses: 1, maxEntries: 10_000, maxBodyChars: 100 }, [
      SECRET,
    ]);
    for (let index = 0; index < 4_500; index += 1) {
      paged.add(entry(index));
      inMemory.add(entry(index));
    }
    expect(paged.size).toBe(4_500);
    const all = paged.all();
    expect(all).toHaveLength(4_500);
    expect(all.map(({ at: _at, ...rest }) => rest)).toEqual(
      inMemory.all().map(({ at: _at, ...rest }) => rest),
    );
    expect(all.map((logged) => logged.id)).toEqual(Array.from({ length: 4_500 }, (_, index) => index + 1));
    // Entries added after a read are kept too.
    paged.add(entry(4_500));
    expect(paged.all()).toHaveLength(4_501);
  });

  it('still drops past maxEntries, counting what it dropped', () => {
    const log = new ProvisioningLog(
      { detailedSuccesses: 0, maxEntries: 5, maxBodyChars: 100, inMemoryEntries: 2 },
      [SECRET],
    );
    for (let index = 0; index < 8; index += 1) log.add(entry(index));
    expect(log.all()).toHaveLength(5);
    expect(log.droppedEntries).toBe(3);
  });
});
