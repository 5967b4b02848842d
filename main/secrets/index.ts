/**
 * Opens the secret store for this run: the OS keychain when it answers, else memory for this run only.
 * There is deliberately no plain-text fallback.
 */
import { ApiKeyVault, type StoredApiKey } from './api-key-vault';
import { KeyringSecretStore } from './keyring-store';
import { Redactor } from '../logging/redactor';

export { ApiKeyVault, type StoredApiKey } from './api-key-vault';
export type { SecretStore } from './secret-store';

/** Tests and parallel runs set JPA_KEYCHAIN_SERVICE so they never touch an admin's real item. */
export function keychainServiceName(env: NodeJS.ProcessEnv): string {
  return env.JPA_KEYCHAIN_SERVICE?.trim() || 'Jostle Provisioning Assistant';
}

/**
 * Opens the vault without touching the keychain: the first status question or save does, bounded in time,
 * and falls back to memory for this run (saying why) if the keychain fails.
 */
export async function openApiKeyVault(env: NodeJS.ProcessEnv, redactor: Redactor): Promise<ApiKeyVault> {
  return new ApiKeyVault(new KeyringSecretStore(keychainServiceName(env)), redactor);
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
