/**
 * The OS keychain through @napi-rs/keyring (the maintained, keytar-compatible successor of the archived
 * keytar; prebuilt N-API binaries, so the same module loads in Node and in Electron).
 */
import { AsyncEntry } from '@napi-rs/keyring';
import { BoundedCalls, KEYCHAIN_TIMEOUT_MS } from './bounded-call';
import { SecretStoreUnavailableError, type SecretStore } from './secret-store';

function platformKeychainName(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'macOS Keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  return 'Secret Service keyring';
}

export class KeyringSecretStore implements SecretStore {
  readonly kind = 'os-keychain' as const;
  readonly displayName = platformKeychainName(process.platform);

  private readonly calls: BoundedCalls;

  constructor(
    private readonly service: string,
    timeoutMs = KEYCHAIN_TIMEOUT_MS,
  ) {
    this.calls = new BoundedCalls(this.displayName, timeoutMs);
  }

  private entry(account: string): AsyncEntry {
    // On Linux the default backend silently falls back to the kernel keyring, which loses the key at the
    // next reboot; pin the Secret Service so a missing keyring is reported instead.
    return new AsyncEntry(this.service, account, { linux: { store: 'secret-service' } });
  }

  async get(account: string): Promise<string | null> {
    return this.wrap(() => this.entry(account).getPassword());
  }

  async set(account: string, secret: string): Promise<void> {
    await this.wrap(() => this.entry(account).setPassword(secret));
  }

  async delete(account: string): Promise<boolean> {
    return this.wrap(() => this.entry(account).deleteCredential());
  }

  private async wrap<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await this.calls.run(operation);
    } catch (error) {
      // Bounded in time, and named: out of file descriptors, no D-Bus, a hung keyring.
      throw new SecretStoreUnavailableError(error instanceof Error ? error.message : String(error));
    }
  }
}

/**
 * Writes, reads back and deletes a throwaway item, so a locked or missing keychain is found before the admin
 * pastes a key that Jostle shows only once.
 */
export async function probeKeyring(store: SecretStore): Promise<string | null> {
  const account = `availability-check-${process.pid}`;
  try {
    await store.set(account, 'ok');
    const readBack = await store.get(account);
    await store.delete(account);
    return readBack === 'ok' ? null : `The ${store.displayName} did not return what was written.`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
