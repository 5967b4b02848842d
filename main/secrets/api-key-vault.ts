/**
 * The Jostle Base URL and API key, kept together as one keychain item so they cannot drift apart.
 * Everything outside main sees only `KeyStatus`: saved or not, a fingerprint, the date.
 */
import type { KeyStatus } from '../../shared/api/contract';
import { keyFingerprint } from './fingerprint';
import type { SecretStore } from './secret-store';
import type { Redactor } from '../logging/redactor';

const ACCOUNT = 'jostle-api-key';

export interface StoredApiKey {
  baseUrl: string;
  apiKey: string;
  savedAt: string;
}

export class ApiKeyVault {
  constructor(
    private readonly store: SecretStore,
    private readonly redactor: Redactor,
    /** Why the keychain could not be used, when `store` is the in-memory fallback. */
    private readonly storageProblem: string | null = null,
  ) {}

  async save(baseUrl: string, apiKey: string, now = new Date()): Promise<void> {
    const item: StoredApiKey = { baseUrl, apiKey, savedAt: now.toISOString() };
    this.redactor.addSecret(apiKey);
    await this.store.set(ACCOUNT, JSON.stringify(item));
  }

  /** Main-process use only (probes, dry run, the clipboard hand-off). Never return this through the API. */
  async read(): Promise<StoredApiKey | null> {
    const raw = await this.store.get(ACCOUNT);
    if (raw === null) return null;
    const item = parseItem(raw);
    if (item) this.redactor.addSecret(item.apiKey);
    return item;
  }

  async updateBaseUrl(baseUrl: string): Promise<void> {
    const current = await this.read();
    if (current) await this.store.set(ACCOUNT, JSON.stringify({ ...current, baseUrl }));
  }

  async forget(): Promise<void> {
    await this.store.delete(ACCOUNT);
  }

  async status(): Promise<KeyStatus> {
    const item = await this.read();
    return {
      saved: item !== null,
      fingerprint: item ? keyFingerprint(item.apiKey) : null,
      savedAt: item?.savedAt ?? null,
      storage: this.store.kind,
      storageName: this.store.displayName,
      storageProblem: this.storageProblem,
    };
  }
}

function parseItem(raw: string): StoredApiKey | null {
  try {
    const value: unknown = JSON.parse(raw);
    if (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as StoredApiKey).apiKey === 'string' &&
      typeof (value as StoredApiKey).baseUrl === 'string' &&
      typeof (value as StoredApiKey).savedAt === 'string'
    ) {
      return value as StoredApiKey;
    }
  } catch {
    // An item someone edited by hand in the keychain: treat it as absent rather than crash.
  }
  return null;
}
