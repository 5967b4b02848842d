/**
 * The proxy user name and password the admin enters under Diagnostics > Network (Node modes: the desktop app
 * signs in through Chromium). One keychain item, like the API key; settings, logs and exports never hold
 * them. Read lazily (no keychain call at start-up), cached for the run; if the keychain is unavailable they
 * are kept in memory for this run and the view says so.
 */
import { MemorySecretStore } from '../secrets/memory-store';
import { KeyringSecretStore } from '../secrets/keyring-store';
import { SecretStoreUnavailableError, type SecretStore } from '../secrets/secret-store';
import { keychainServiceName } from '../secrets';
import type { Redactor } from '../logging/redactor';
import { basicAuthorization, proxyHostPort, type ProxyCredentials } from './proxy-auth';

import { PROXY_CREDENTIALS_ACCOUNT as ACCOUNT } from './proxy-auth';

export interface ProxyCredentialStatus {
  proxy: string;
  username: string;
  savedAt: string;
}

interface StoredItem extends ProxyCredentials {
  savedAt: string;
  /** Entered in the sign-in prompt without Remember: used until the assistant closes, never stored. */
  heldOnly?: boolean;
}

export class ProxyCredentialVault {
  private cached: StoredItem | null | undefined;
  private fallback: MemorySecretStore | null = null;
  problem: string | null = null;

  constructor(
    private readonly store: SecretStore,
    private readonly redactor: Redactor,
  ) {}

  private get active(): SecretStore {
    return this.fallback ?? this.store;
  }

  private remember(item: StoredItem | null): void {
    this.cached = item;
    if (item) {
      // The password, and the header value it becomes, are masked wherever the logger writes.
      this.redactor.addSecret(item.password);
      this.redactor.addSecret(basicAuthorization(item).slice('Basic '.length));
    }
  }

  async read(): Promise<ProxyCredentials | null> {
    if (this.cached !== undefined) return this.cached;
    let text: string | null = null;
    try {
      text = await this.active.get(ACCOUNT);
    } catch (error) {
      if (!(error instanceof SecretStoreUnavailableError)) throw error;
      this.problem = `No keychain is available (${error.message}).`;
    }
    let item: StoredItem | null = null;
    try {
      item = text ? (JSON.parse(text) as StoredItem) : null;
    } catch {
      item = null;
    }
    this.remember(item);
    return item;
  }

  /** Reads the keychain again: another process (the handler host) may have saved or removed the item. */
  reread(): Promise<ProxyCredentials | null> {
    this.cached = undefined;
    return this.read();
  }

  /** What was read already, without a keychain call (undefined: not read yet). */
  peek(): ProxyCredentials | null | undefined {
    return this.cached;
  }

  /** What is saved in the keychain (a sign-in only held for this run is not "saved"). */
  async status(): Promise<ProxyCredentialStatus | null> {
    const item = (await this.read()) as StoredItem | null;
    return item && !item.heldOnly
      ? { proxy: item.proxy, username: item.username, savedAt: item.savedAt }
      : null;
  }

  /** `proxy` may be `host:port` or a URL; the credentials are bound to that host and port only. */
  async save(proxy: string, username: string, password: string, now = new Date()): Promise<void> {
    const item: StoredItem = { proxy: proxyHostPort(proxy), username, password, savedAt: now.toISOString() };
    this.remember(item);
    try {
      await this.active.set(ACCOUNT, JSON.stringify(item));
    } catch (error) {
      if (!(error instanceof SecretStoreUnavailableError)) throw error;
      this.problem = `No keychain is available (${error.message}). The proxy password is kept in memory until you close the assistant.`;
      this.fallback ??= new MemorySecretStore();
      await this.fallback.set(ACCOUNT, JSON.stringify(item));
    }
  }

  /** Uses a sign-in until the assistant closes, without the keychain (the admin did not tick Remember). */
  holdForThisRun(proxy: string, username: string, password: string, now = new Date()): void {
    this.remember({
      proxy: proxyHostPort(proxy),
      username,
      password,
      savedAt: now.toISOString(),
      heldOnly: true,
    });
  }

  async forget(): Promise<void> {
    this.cached = null;
    try {
      await this.active.delete(ACCOUNT);
    } catch (error) {
      if (!(error instanceof SecretStoreUnavailableError)) throw error;
    }
    await this.fallback?.delete(ACCOUNT);
  }
}

const vaults = new WeakMap<object, ProxyCredentialVault>();

/** One vault per app context, opened on first use. */
export function proxyCredentialVault(context: {
  network: { env?: NodeJS.ProcessEnv };
  redactor: Redactor;
}): ProxyCredentialVault {
  let vault = vaults.get(context);
  if (!vault) {
    const service = keychainServiceName(context.network.env ?? process.env);
    vault = new ProxyCredentialVault(new KeyringSecretStore(service), context.redactor);
    vaults.set(context, vault);
  }
  return vault;
}

/** The credentials if this context's vault has read them already: no keychain call, for synchronous callers. */
export function peekProxyCredentials(context: object): ProxyCredentials | undefined {
  return vaults.get(context)?.peek() ?? undefined;
}
