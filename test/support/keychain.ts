import { KeyringSecretStore, probeKeyring } from '../../main/secrets/keyring-store';

/**
 * Whether the real OS keychain answers here. `npm test` runs under scripts/with-keychain.sh, which sets
 * JPA_KEYCHAIN_READY; there the keychain must answer, so keychain tests cannot quietly skip in CI.
 */
export async function keychainProblem(): Promise<string | null> {
  return probeKeyring(new KeyringSecretStore('jpa-test-availability'));
}

export const keychainRequired = process.env.JPA_KEYCHAIN_READY === '1' || process.platform !== 'linux';
