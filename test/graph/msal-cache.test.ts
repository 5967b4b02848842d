/**
 * MSAL's flows need the Microsoft identity platform, which we cannot reach. What we can test for real is
 * the part that is ours: MSAL's documented cache serialisation (ICachePlugin) into the OS keychain through
 * our SecretStore, and MSAL answering from that cache. The cache document below follows MSAL's documented
 * unified cache layout (Account / AccessToken / RefreshToken / IdToken / AppMetadata).
 */
import { readdirSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GraphError } from '../../main/graph';
import { createPublicClient, DEFAULT_CLIENT_ID, MSAL_CACHE_ACCOUNT, signOut } from '../../main/graph/msal';
import { msalTokenSource } from '../../main/graph/token-source';
import { KeyringSecretStore } from '../../main/secrets/keyring-store';
import { keychainProblem, keychainRequired } from '../support/keychain';
import { tempDir, uniqueKeychainService } from '../support/temp';
import { READ_AND_WRITE } from './helpers';

const TENANT = '11111111-2222-3333-4444-555555555555';
const USER = 'aaaaaaaa-0000-0000-0000-000000000001';
const LOGIN = 'login.microsoftonline.com';

function cacheDocument(scopes: string[], accessToken: string) {
  const home = `${USER}.${TENANT}`;
  const now = Math.floor(Date.now() / 1000);
  const target = scopes.map((scope) => scope.toLowerCase()).join(' ');
  return JSON.stringify({
    Account: {
      [`${home}-${LOGIN}-${TENANT}`]: {
        home_account_id: home,
        environment: LOGIN,
        realm: TENANT,
        local_account_id: USER,
        username: 'admin@contoso.example',
        authority_type: 'MSSTS',
      },
    },
    IdToken: {},
    AccessToken: {
      [`${home}-${LOGIN}-accesstoken-${DEFAULT_CLIENT_ID}-${TENANT}-${target}`]: {
        home_account_id: home,
        environment: LOGIN,
        credential_type: 'AccessToken',
        client_id: DEFAULT_CLIENT_ID,
        secret: accessToken,
        realm: TENANT,
        target,
        cached_at: String(now),
        expires_on: String(now + 3600),
        extended_expires_on: String(now + 7200),
        token_type: 'Bearer',
      },
    },
    RefreshToken: {},
    AppMetadata: {},
  });
}

/** Any call to the identity platform fails the test: everything must come from the keychain cache. */
const offline = {
  sendGetRequestAsync: async (url: string): Promise<never> => {
    throw new Error(`unexpected network GET ${url}`);
  },
  sendPostRequestAsync: async (url: string): Promise<never> => {
    throw new Error(`unexpected network POST ${url}`);
  },
};

describe('MSAL token cache in the OS keychain', () => {
  let store: KeyringSecretStore;
  const settings = { tenant: TENANT, clientId: DEFAULT_CLIENT_ID, cloud: 'global' as const };

  beforeAll(async () => {
    const problem = await keychainProblem();
    if (problem && keychainRequired) throw new Error(`The keychain must answer here: ${problem}`);
  });
  afterEach(async () => {
    await store?.delete(MSAL_CACHE_ACCOUNT).catch(() => false);
  });

  it('answers silently from the cache MSAL deserialised out of the keychain', async () => {
    store = new KeyringSecretStore(uniqueKeychainService());
    await store.set(MSAL_CACHE_ACCOUNT, cacheDocument(READ_AND_WRITE, 'token-from-the-keychain'));
    const client = createPublicClient(settings, store, offline);
    expect(await msalTokenSource(client, 'global').token('readUsers')).toBe('token-from-the-keychain');
    expect(await msalTokenSource(client, 'global').token('apply')).toBe('token-from-the-keychain');
  });

  it('writes MSAL’s changed cache back into the keychain (afterCacheAccess), and sign-out removes it', async () => {
    store = new KeyringSecretStore(uniqueKeychainService());
    const dir = tempDir();
    await store.set(MSAL_CACHE_ACCOUNT, cacheDocument(READ_AND_WRITE, 'token-to-be-removed'));
    const client = createPublicClient(settings, store, offline);
    const [account] = await client.getAllAccounts();
    expect(account?.homeAccountId).toBe(`${USER}.${TENANT}`);
    await client.getTokenCache().removeAccount(account!);
    const saved = JSON.parse((await store.get(MSAL_CACHE_ACCOUNT))!);
    expect(Object.keys(saved.AccessToken)).toEqual([]);
    expect(Object.keys(saved.Account)).toEqual([]);
    await signOut(store);
    expect(await store.get(MSAL_CACHE_ACCOUNT)).toBeNull();
    const error = await msalTokenSource(createPublicClient(settings, store, offline), 'global')
      .token('readUsers')
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).message).toMatch(/not signed in/);
    // Nothing of the cache landed in a file.
    expect(readdirSync(dir.path)).toEqual([]);
    dir.remove();
  });

  it('asks again (interaction required) when the cache lacks the write permission', async () => {
    store = new KeyringSecretStore(uniqueKeychainService());
    await store.set(
      MSAL_CACHE_ACCOUNT,
      cacheDocument(['User.Read.All', 'Application.Read.All'], 'read-only-token'),
    );
    const client = createPublicClient(settings, store, offline);
    const error = await msalTokenSource(client, 'global')
      .token('apply')
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).kind).toBe('sign-in-required');
    expect((error as GraphError).message).toContain('Synchronization.ReadWrite.All');
  });
});
