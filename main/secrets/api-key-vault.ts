/**
 * The Jostle Base URL and API key, kept together as one keychain item so they cannot drift apart.
 * Everything outside main sees only `KeyStatus`: saved or not, a fingerprint, the date.
 *
 * Keychain access is lazy and cached: nothing touches the keychain at start-up, the first status question
 * reads the item once, and later status questions (every getSettings) answer from the cache, which save and
 * forget keep current. Every keychain call is bounded in time (bounded-call.ts). When the keychain fails,
 * the key is kept in memory for this run and the status says why, so a key Jostle shows only once is not lost.
 */
import type { KeyStatus } from '../../shared/api/contract';
import { keyFingerprint } from './fingerprint';
import { MemorySecretStore } from './memory-store';
import { SecretStoreUnavailableError, type SecretStore } from './secret-store';
import type { Redactor } from '../logging/redactor';

const ACCOUNT = 'jostle-api-key';
const RETRY_MS = 30_000;

export interface StoredApiKey {
  baseUrl: string;
  apiKey: string;
  savedAt: string;
}

type CachedStatus = Pick<KeyStatus, 'saved' | 'fingerprint' | 'savedAt'>;

export class ApiKeyVault {
  private cached: CachedStatus | null = null;
  /** When a status read last failed: asked again only after RETRY_MS, so a dead keychain is not hammered. */
  private failedAt = 0;
  private lastFailure = '';
  private fallback: MemorySecretStore | null = null;
  private problem: string | null;

  constructor(
    private readonly store: SecretStore,
    private readonly redactor: Redactor,
    /** Why the keychain could not be used, when `store` is the in-memory fallback. */
    storageProblem: string | null = null,
  ) {
    this.problem = storageProblem;
  }

  /** The store in use: the keychain, or memory once the keychain failed during this run. */
  private get active(): SecretStore {
    return this.fallback ?? this.store;
  }

  private useMemory(error: unknown): MemorySecretStore {
    const reason = error instanceof Error ? error.message : String(error);
    this.problem = `No keychain is available (${reason}). The key is kept in memory until you close the assistant.`;
    this.fallback ??= new MemorySecretStore();
    return this.fallback;
  }

  async save(baseUrl: string, apiKey: string, now = new Date()): Promise<void> {
    const item: StoredApiKey = { baseUrl, apiKey, savedAt: now.toISOString() };
    this.redactor.addSecret(apiKey);
    try {
      await this.active.set(ACCOUNT, JSON.stringify(item));
    } catch (error) {
      if (!(error instanceof SecretStoreUnavailableError)) throw error;
      await this.useMemory(error).set(ACCOUNT, JSON.stringify(item));
    }
    this.cached = statusOf(item);
  }

  /** Main-process use only (probes, dry run, the clipboard hand-off). Never return this through the API. */
  async read(): Promise<StoredApiKey | null> {
    const raw = await this.active.get(ACCOUNT);
    const item = raw === null ? null : parseItem(raw);
    if (item) this.redactor.addSecret(item.apiKey);
    this.cached = statusOf(item);
    return item;
  }

  async updateBaseUrl(baseUrl: string): Promise<void> {
    const current = await this.read();
    if (current) await this.save(baseUrl, current.apiKey, new Date(current.savedAt));
  }

  async forget(): Promise<void> {
    await this.active.delete(ACCOUNT);
    this.cached = statusOf(null);
  }

  async status(): Promise<KeyStatus> {
    let problem = this.problem;
    if (!this.cached && Date.now() - this.failedAt >= RETRY_MS) {
      try {
        await this.read();
        this.failedAt = 0;
      } catch (error) {
        if (!(error instanceof SecretStoreUnavailableError)) throw error;
        // Answer with the problem instead of failing every screen that shows the key's status. Not cached as
        // "no key": the failure may pass (a moment without file descriptors), so a later question tries again.
        this.failedAt = Date.now();
        this.lastFailure = error.message;
      }
    }
    if (!this.cached && this.failedAt > 0) problem ??= `The keychain could not be read: ${this.lastFailure}`;
    const cached = this.cached ?? statusOf(null);
    return {
      ...cached,
      storage: this.active.kind,
      storageName: this.active.displayName,
      storageProblem: problem,
    };
  }
}

function statusOf(item: StoredApiKey | null): CachedStatus {
  return {
    saved: item !== null,
    fingerprint: item ? keyFingerprint(item.apiKey) : null,
    savedAt: item?.savedAt ?? null,
  };
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
