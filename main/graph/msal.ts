/**
 * Sign-in with @azure/msal-node's PublicClientApplication: the system browser with PKCE on a loopback
 * redirect in the desktop app, the device-code flow in the CLI and the browser mode. MSAL's token cache is
 * serialised into the OS keychain through our SecretStore (MSAL's documented ICachePlugin:
 * beforeCacheAccess deserialises, afterCacheAccess serialises when the cache changed). Never a file.
 */
import {
  InteractionRequiredAuthError,
  PublicClientApplication,
  type AuthenticationResult,
  type ICachePlugin,
  type INetworkModule,
  type TokenCacheContext,
} from '@azure/msal-node';
import type { SecretStore } from '../secrets';
import { GRAPH_CLOUDS, type GraphCloud } from './clouds';
import { explainSignInError, GraphError } from './errors';

/** Keychain item (account) of the MSAL cache, next to the Jostle API key's item. */
export const MSAL_CACHE_ACCOUNT = 'graph-token-cache';

/**
 * Default client: Microsoft's own "Microsoft Graph Command Line Tools" public client (the one Graph
 * PowerShell signs in with), because many tenants have already consented to it for admins. It is
 * Microsoft's app, not ours, and a tenant can block it; then register your own (README, "Microsoft Graph").
 */
export const DEFAULT_CLIENT_ID = '14d82eec-204b-4c2f-b7e8-296a70dab67e';

export interface SignInSettings {
  /** Tenant ID or a verified domain; `organizations` lets the account decide. */
  tenant: string;
  clientId: string;
  cloud: GraphCloud;
}

export class KeychainCachePlugin implements ICachePlugin {
  constructor(
    private readonly store: SecretStore,
    private readonly account = MSAL_CACHE_ACCOUNT,
  ) {}

  async beforeCacheAccess(context: TokenCacheContext): Promise<void> {
    const saved = await this.store.get(this.account);
    if (saved) context.tokenCache.deserialize(saved);
  }

  async afterCacheAccess(context: TokenCacheContext): Promise<void> {
    if (context.cacheHasChanged) await this.store.set(this.account, context.tokenCache.serialize());
  }
}

export function createPublicClient(
  settings: SignInSettings,
  store: SecretStore,
  networkClient?: INetworkModule,
): PublicClientApplication {
  return new PublicClientApplication({
    auth: {
      clientId: settings.clientId,
      authority: `${GRAPH_CLOUDS[settings.cloud].loginUrl}/${settings.tenant}`,
    },
    cache: { cachePlugin: new KeychainCachePlugin(store) },
    ...(networkClient ? { system: { networkClient } } : {}),
  });
}

const SUCCESS_PAGE =
  '<!doctype html><meta charset="utf-8"><title>Signed in</title><p>You are signed in. You can close this tab and go back to the Jostle Provisioning Assistant.</p>';
const ERROR_PAGE =
  '<!doctype html><meta charset="utf-8"><title>Sign-in failed</title><p>Sign-in did not complete. Go back to the Jostle Provisioning Assistant for the reason.</p>';

/** Desktop: MSAL listens on http://localhost:<port>, the browser comes back there with the code (PKCE). */
export async function signInWithBrowser(
  client: PublicClientApplication,
  scopes: string[],
  openBrowser: (url: string) => Promise<void>,
): Promise<AuthenticationResult> {
  try {
    return await client.acquireTokenInteractive({
      scopes,
      openBrowser,
      successTemplate: SUCCESS_PAGE,
      errorTemplate: ERROR_PAGE,
    });
  } catch (error) {
    throw explainSignInError(error);
  }
}

/** CLI and browser mode: the admin opens the verification page on any device and types the code. */
export async function signInWithDeviceCode(
  client: PublicClientApplication,
  scopes: string[],
  onCode: (message: string) => void,
): Promise<AuthenticationResult> {
  try {
    const result = await client.acquireTokenByDeviceCode({
      scopes,
      deviceCodeCallback: (response) => onCode(response.message),
    });
    if (!result) throw new Error('The device-code sign-in returned nothing.');
    return result;
  } catch (error) {
    throw explainSignInError(error);
  }
}

/** A token from the keychain cache (refreshed by MSAL when needed), or a "sign in first" error. */
export async function acquireSilently(
  client: PublicClientApplication,
  scopes: string[],
): Promise<AuthenticationResult> {
  const [account] = await client.getAllAccounts();
  if (!account)
    throw new GraphError(
      'sign-in-required',
      'You are not signed in to Microsoft Graph.',
      'Sign in first (**Entra (Microsoft Graph) > Sign in**, or `npm run cli -- entra sign-in`).',
    );
  try {
    return await client.acquireTokenSilent({ account, scopes });
  } catch (error) {
    if (error instanceof InteractionRequiredAuthError)
      throw new GraphError(
        'sign-in-required',
        `Your sign-in has expired or needs more permissions (${scopes.join(', ')}).`,
        'Sign in again; if asked, consent to the permissions listed.',
      );
    throw explainSignInError(error);
  }
}

export async function signOut(store: SecretStore): Promise<void> {
  await store.delete(MSAL_CACHE_ACCOUNT);
}
