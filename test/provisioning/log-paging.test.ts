import { describe, expect, it } from 'vitest';
import { ProvisioningLog } from '../../main/provisioning/log-store';
import type { LoggedOutcome } from '../../main/provisioning/log-store';

const SECRET = 'log-paging-secret-token-1234';

function entryOutcome(index: number): LoggedOutcome {
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
  log.add(1, entryOutcome(index), `object-${index}`, `user.${index}@contoso.example`);

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

  it('keeps multi-byte text, requests and an entry longer than its write buffer intact across pages', () => {
    const limits = { detailedSuccesses: 10, maxEntries: 10_000, maxBodyChars: 500_000, inMemoryEntries: 2 };
    const paged = new ProvisioningLog(limits, [SECRET]);
    const inMemory = new ProvisioningLog({ ...limits, inMemoryEntries: undefined }, [SECRET]);
    const exchange = (index: number) => ({
      request: {
        method: 'POST' as const,
        path: '/Users',
        body: { userName: `jürgen.${index}@例え.example` },
        repeatable: false,
      },
      response: undefined,
      networkError: {
        kind: 'reset' as const,
        message: `reset 💥 ${SECRET}`,
        requestLine: 'POST /Users',
        durationMs: 1,
        route: 'direct',
      },
      attempts: 1,
      durationMs: 3,
      sentPath: `/Users?n=${index}`,
    });
    for (let index = 0; index < 3_000; index += 1) {
      const long = index === 1_500 ? 'é'.repeat(400_000) : '';
      const outcome = {
        ...entryOutcome(index),
        message: `Ünïcödé ${index} ${long}`,
        exchanges: [exchange(index)],
      };
      paged.add(1, outcome, `object-${index}`, `user.${index}@contoso.example`);
      inMemory.add(1, outcome, `object-${index}`, `user.${index}@contoso.example`);
    }
    const all = paged.all();
    expect(all.map(({ at: _at, ...rest }) => rest)).toEqual(
      inMemory.all().map(({ at: _at, ...rest }) => rest),
    );
    expect(all[1_500]!.message).toHaveLength(`Ünïcödé 1500 `.length + 400_000);
    expect(JSON.stringify(all)).not.toContain(SECRET);
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
