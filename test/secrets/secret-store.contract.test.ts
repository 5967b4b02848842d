import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KeyringSecretStore } from '../../main/secrets/keyring-store';
import { MemorySecretStore } from '../../main/secrets/memory-store';
import type { SecretStore } from '../../main/secrets/secret-store';
import { keychainProblem, keychainRequired } from '../support/keychain';
import { uniqueKeychainService } from '../support/temp';

let problem: string | null = null;
beforeAll(async () => {
  problem = await keychainProblem();
});

it('has a real keychain wherever the test command provides one', () => {
  if (keychainRequired) expect(problem).toBeNull();
});

function contractSuite(name: string, makeStore: () => SecretStore, available: () => boolean) {
  describe(name, () => {
    const created: Array<{ store: SecretStore; account: string }> = [];
    afterEach(async () => {
      for (const { store, account } of created.splice(0)) await store.delete(account).catch(() => undefined);
    });
    const fresh = (account: string) => {
      const store = makeStore();
      created.push({ store, account });
      return store;
    };

    it('returns null for an account never written', async (context) => {
      if (!available()) return context.skip(`no keychain here: ${problem}`);
      expect(await fresh('absent').get('absent')).toBeNull();
    });

    it('round-trips a secret, including unicode and JSON, and replaces it on a second set', async (context) => {
      if (!available()) return context.skip(`no keychain here: ${problem}`);
      const store = fresh('round-trip');
      await store.set('round-trip', '{"apiKey":"ключ-🔑-value"}');
      expect(await store.get('round-trip')).toBe('{"apiKey":"ключ-🔑-value"}');
      await store.set('round-trip', 'second');
      expect(await store.get('round-trip')).toBe('second');
    });

    it('deletes: true when something was there, false when not, and the secret is gone', async (context) => {
      if (!available()) return context.skip(`no keychain here: ${problem}`);
      const store = fresh('deleted');
      await store.set('deleted', 'value');
      expect(await store.delete('deleted')).toBe(true);
      expect(await store.get('deleted')).toBeNull();
      expect(await store.delete('deleted')).toBe(false);
    });

    it('keeps accounts apart', async (context) => {
      if (!available()) return context.skip(`no keychain here: ${problem}`);
      const store = fresh('a');
      created.push({ store, account: 'b' });
      await store.set('a', 'first');
      await store.set('b', 'second');
      expect([await store.get('a'), await store.get('b')]).toEqual(['first', 'second']);
    });
  });
}

const service = uniqueKeychainService();
contractSuite(
  'OS keychain (@napi-rs/keyring)',
  () => new KeyringSecretStore(service),
  () => problem === null,
);
const memory = new MemorySecretStore();
contractSuite(
  'memory fallback',
  () => memory,
  () => true,
);

describe('a second store instance on the same service', () => {
  it('reads what the first wrote, as a restarted app would', async (context) => {
    if (problem !== null) return context.skip(`no keychain here: ${problem}`);
    const name = uniqueKeychainService();
    await new KeyringSecretStore(name).set('persisted', 'still-here');
    const reopened = new KeyringSecretStore(name);
    expect(await reopened.get('persisted')).toBe('still-here');
    await reopened.delete('persisted');
  });
});
