/** Where secrets live. One interface so the keychain backend is a single file. */
export interface SecretStore {
  readonly kind: 'os-keychain' | 'memory';
  /** A name an admin recognises, e.g. "macOS Keychain". */
  readonly displayName: string;
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** Resolves true when something was deleted, false when there was nothing to delete. */
  delete(account: string): Promise<boolean>;
}

export class SecretStoreUnavailableError extends Error {
  override name = 'SecretStoreUnavailableError';
}
