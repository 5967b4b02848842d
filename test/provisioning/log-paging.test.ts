import { describe, expect, it } from 'vitest';
import { ProvisioningLog } from '../../main/provisioning/log-store';
import type { LoggedOutcome } from '../../main/provisioning/log-store';

const SECRET = 'log-paging-secret-token-1234';

function outcome(index: number): LoggedOutcome {
  return {
    action: 'Create',
    status: index % 3 === 0 ? 'Failure' : 'Success',
    errorCode: index % 3 === 0 ? 'SystemForCrossDomainIdentityManagementBadResponse' : null,
    message: `user ${index} (${SECRET})`,
    targetId: `target-${index}`,
    diff: [],
    exchanges: [],
  };
}

const addEntry = (log: ProvisioningLog, index: number) =>
  log.add(1, outcome(index), `object-${index}`, `user.${index}@contoso.example`);

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
      addEntry(paged, index);
      addEntry(inMemory, index);
    }
    expect(paged.size).toBe(4_500);
    const all = paged.all();
    expect(all).toHaveLength(4_500);
    expect(all.map(({ at: _at, ...rest }) => rest)).toEqual(
      inMemory.all().map(({ at: _at, ...rest }) => rest),
    );
    expect(all.map((logged) => logged.id)).toEqual(Array.from({ length: 4_500 }, (_, index) => index + 1));
    // Entries added after a read are kept too.
    addEntry(paged, 4_500);
    expect(paged.all()).toHaveLength(4_501);
  });

  it('still drops past maxEntries, counting what it dropped', () => {
    const log = new ProvisioningLog(
      { detailedSuccesses: 0, maxEntries: 5, maxBodyChars: 100, inMemoryEntries: 2 },
      [SECRET],
    );
    for (let index = 0; index < 8; index += 1) addEntry(log, index);
    expect(log.all()).toHaveLength(5);
    expect(log.droppedEntries).toBe(3);
  });
});
