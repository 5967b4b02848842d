import { describe, expect, it } from 'vitest';
import { ApiKeyVault } from '../../main/secrets/api-key-vault';
import { keyFingerprint } from '../../main/secrets/fingerprint';
import { MemorySecretStore } from '../../main/secrets/memory-store';
import { Redactor } from '../../main/logging/redactor';

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
});
