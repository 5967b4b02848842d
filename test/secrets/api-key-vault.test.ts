import { describe, expect, it } from 'vitest';
import { ApiKeyVault } from '../../main/secrets/api-key-vault';
import { keyFingerprint } from '../../main/secrets/fingerprint';
import { MemorySecretStore } from '../../main/secrets/memory-store';
import { Redactor } from '../../main/logging/redactor';
import { SecretStoreUnavailableError, type SecretStore } from '../../main/secrets/secret-store';

/** A keychain that refuses every call, as one does with no D-Bus or no file descriptors left. */
function refusingStore(): SecretStore & { calls: number } {
  const fail = async (): Promise<never> => {
    store.calls += 1;
    throw new SecretStoreUnavailableError('The Secret Service keyring is not available (no D-Bus session).');
  };
  const store = {
    kind: 'os-keychain' as const,
    displayName: 'Secret Service keyring',
    calls: 0,
    get: fail,
    set: fail,
    delete: fail,
  };
  return store;
}

const key = 'jostle-test-key-0123456789abcdef';

describe('ApiKeyVault', () => {
  it('reports saved, fingerprint and date, never the key', async () => {
    const vault = new ApiKeyVault(new MemorySecretStore(), new Redactor());
    await vault.save('https://example.jostle.us/scim2', key, new Date('2026-11-01T10:00:00Z'));
    const status = await vault.status();
    expect(status).toMatchObject({ saved: true, savedAt: '2026-11-01T10:00:00.000Z', storage: 'memory' });
    expect(status.fingerprint).toBe(keyFingerprint(key));
    expect(JSON.stringify(status)).not.toContain(key);
  });

  it('fingerprints differ for different keys and are stable for one key', () => {
    expect(keyFingerprint(key)).toMatch(/^sha256:[0-9a-f]{8}$/);
    expect(keyFingerprint(key)).toBe(keyFingerprint(key));
    expect(keyFingerprint(key)).not.toBe(keyFingerprint(`${key}x`));
  });

  it('teaches the redactor the key as soon as it is saved or read', async () => {
    const store = new MemorySecretStore();
    const redactor = new Redactor();
    await new ApiKeyVault(store, redactor).save('https://a.example/scim2', key);
    expect(redactor.text(`sent ${key}`)).toBe('sent [redacted]');

    const freshRedactor = new Redactor();
    await new ApiKeyVault(store, freshRedactor).read();
    expect(freshRedactor.text(`again ${key}`)).toBe('again [redacted]');
  });

  it('treats a hand-edited keychain item as absent instead of crashing', async () => {
    const store = new MemorySecretStore();
    await store.set('jostle-api-key', 'not json');
    const vault = new ApiKeyVault(store, new Redactor());
    expect(await vault.read()).toBeNull();
    expect((await vault.status()).saved).toBe(false);
  });

  it('changes only the Base URL when asked, keeping key and date', async () => {
    const vault = new ApiKeyVault(new MemorySecretStore(), new Redactor());
    await vault.save('https://old.example/scim2', key, new Date('2026-01-01T00:00:00Z'));
    await vault.updateBaseUrl('https://new.example/scim2');
    expect(await vault.read()).toEqual({
      baseUrl: 'https://new.example/scim2',
      apiKey: key,
      savedAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('is lazy and cached: status reads the keychain once; save and forget keep the cache current', async () => {
    const store = new MemorySecretStore();
    let reads = 0;
    const counting: SecretStore = {
      ...store,
      kind: store.kind,
      displayName: store.displayName,
      get: (account) => ((reads += 1), store.get(account)),
      set: (a, v) => store.set(a, v),
      delete: (a) => store.delete(a),
    };
    const vault = new ApiKeyVault(counting, new Redactor());
    expect(reads).toBe(0);
    await vault.status();
    await vault.status();
    expect(reads).toBe(1);
    await vault.save('https://a.example/scim2', key);
    expect((await vault.status()).saved).toBe(true);
    await vault.forget();
    expect((await vault.status()).saved).toBe(false);
    expect(reads).toBe(1);
  });

  it('a refusing keychain: status names the problem without hammering it; a save keeps the key in memory', async () => {
    const store = refusingStore();
    const vault = new ApiKeyVault(store, new Redactor());
    const first = await vault.status();
    expect(first).toMatchObject({ saved: false, storageProblem: expect.stringMatching(/D-Bus/) });
    await vault.status();
    expect(store.calls).toBe(1);
    await vault.save('https://a.example/scim2', key);
    expect(await vault.status()).toMatchObject({
      saved: true,
      storage: 'memory',
      storageProblem: expect.stringMatching(/in memory/),
    });
    expect((await vault.read())?.apiKey).toBe(key);
  });
});
