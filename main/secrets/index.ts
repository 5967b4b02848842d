/**
 * Opens the secret store for this run: the OS keychain when it answers, else memory for this run only.
 * There is deliberately no plain-text fallback.
 */
import { ApiKeyVault, type StoredApiKey } from './api-key-vault';
import { KeyringSecretStore, probeKeyring } from './keyring-store';
import { MemorySecretStore } from './memory-store';
import { Redactor } from '../logging/redactor';

export { ApiKeyVault, type StoredApiKey } from './api-key-vault';
export type { SecretStore } from './secret-store';

/** Tests and parallel runs set JPA_KEYCHAIN_SERVICE so they never touch an admin's real item. */
export function keychainServiceName(env: NodeJS.ProcessEnv): string {
  return env.JPA_KEYCHAIN_SERVICE?.trim() || 'Jostle Provisioning Assistant';
}

export async function openApiKeyVault(env: NodeJS.ProcessEnv, redactor: Redactor): Promise<ApiKeyVault> {
  const keychain = new KeyringSecretStore(keychainServiceName(env));
  const problem = await probeKeyring(keychain);
  if (problem === null) return new ApiKeyVault(keychain, redactor);
  return new ApiKeyVault(
    new MemorySecretStore(),
    redactor,
    `No keychain is available (${problem}). The key is kept in memory until you close the assistant.`,
  );
}

/** For the CLI: the saved Base URL and key, or null when none is saved or no keychain answers. */
export async function readStoredApiKey(env: NodeJS.ProcessEnv): Promise<StoredApiKey | null> {
  const keychain = new KeyringSecretStore(keychainServiceName(env));
  try {
    return await new ApiKeyVault(keychain, new Redactor()).read();
  } catch {
    return null;
  }
}
