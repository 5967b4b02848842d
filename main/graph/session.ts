/**
 * One Graph session per app context: the sign-in settings, MSAL with its keychain-backed cache, and the
 * token source every Graph call uses. Kept beside the context (a WeakMap) so main/app stays untouched.
 */
import type { PublicClientApplication } from '@azure/msal-node';
import type { AppContext } from '../app/context';
import { liveClientSettings, startNetworkRun } from '../network';
import { keychainServiceName, type SecretStore } from '../secrets';
import { KeyringSecretStore, probeKeyring } from '../secrets/keyring-store';
import { MemorySecretStore } from '../secrets/memory-store';
import { createGraphClient, type GraphClient } from './client';
import { GRAPH_CLOUDS, parseGraphUrl, type GraphCloud } from './clouds';
import { createPublicClient, DEFAULT_CLIENT_ID, type SignInSettings } from './msal';
import { msalNetworkModule } from './msal-network';
import { environmentTokenSource, msalTokenSource, type TokenSource } from './token-source';

export interface GraphSession {
  store: SecretStore;
  settings(): SignInSettings;
  graphUrl(): string;
  msal(): PublicClientApplication;
  tokens: TokenSource;
  /**
   * Desktop only: opens the sign-in page in the system browser through the app's external-link opener.
   * Without it (browser mode, CLI) sign-in uses the device-code flow.
   */
  openBrowser?: (url: string) => Promise<void>;
  /** The running pull's last progress line (graphPullProgress; the window gets graphPullJob events). */
  pullProgress: string | null;
  /** A device-code sign-in still waiting for the admin, so a second click does not start another. */
  pendingSignIn?: Promise<unknown>;
  /** Set by the CLI for `--graph-token-env`; the app always signs in. */
  override?: { tokens: TokenSource; graphUrl: string };
}

const sessions = new WeakMap<AppContext, Promise<GraphSession>>();

async function openStore(env: NodeJS.ProcessEnv): Promise<SecretStore> {
  const keychain = new KeyringSecretStore(keychainServiceName(env));
  // Same rule as the API key: the keychain, else memory for this run; never a file.
  return (await probeKeyring(keychain)) === null ? keychain : new MemorySecretStore();
}

export function graphSession(context: AppContext): Promise<GraphSession> {
  let pending = sessions.get(context);
  if (!pending) {
    pending = create(context);
    sessions.set(context, pending);
  }
  return pending;
}

async function create(context: AppContext): Promise<GraphSession> {
  const store = await openStore(context.network.env ?? process.env);
  let cached: { key: string; client: PublicClientApplication } | undefined;
  const settings = (): SignInSettings => {
    const saved = context.settings.read().graph;
    return {
      tenant: saved?.tenant ?? 'organizations',
      clientId: saved?.clientId ?? DEFAULT_CLIENT_ID,
      cloud: (saved?.cloud ?? 'global') as GraphCloud,
    };
  };
  const msal = () => {
    const current = settings();
    const key = JSON.stringify(current);
    if (cached?.key !== key)
      cached = {
        key,
        client: createPublicClient(
          current,
          store,
          msalNetworkModule(() => liveClientSettings(context)),
        ),
      };
    return cached.client;
  };
  const session: GraphSession = {
    store,
    pullProgress: null,
    settings,
    graphUrl: () => session.override?.graphUrl ?? GRAPH_CLOUDS[settings().cloud].graphUrl,
    msal,
    tokens: {
      token: (action) =>
        (session.override?.tokens ?? msalTokenSource(msal(), settings().cloud)).token(action),
      identity: () => (session.override?.tokens ?? msalTokenSource(msal(), settings().cloud)).identity(),
    },
  };
  // Like the CLI's --graph-token-env / --graph-url: JPA_GRAPH_TOKEN_ENV names a variable holding an access token
  // (e.g. from `az account get-access-token`), JPA_GRAPH_URL the Graph host. For browser mode and the desktop app.
  const env = context.network.env ?? process.env;
  const variable = env.JPA_GRAPH_TOKEN_ENV?.trim();
  const token = variable ? env[variable]?.trim() : undefined;
  if (token)
    session.override = {
      tokens: environmentTokenSource(token),
      graphUrl: env.JPA_GRAPH_URL ? parseGraphUrl(env.JPA_GRAPH_URL).origin : session.graphUrl(),
    };
  return session;
}

export function graphClientFor(
  context: AppContext,
  session: GraphSession,
  options: {
    signal?: AbortSignal;
    onThrottled?: (waitMs: number, what: string) => void;
    maxRetryWaitMs?: number;
  } = {},
): GraphClient {
  // Each Graph call (pull, apply, monitor logs) is a run of its own: a Cancel before it does not answer it.
  startNetworkRun(context);
  return createGraphClient({
    graphUrl: session.graphUrl(),
    token: (action) => session.tokens.token(action),
    // With the saved proxy sign-in and the window's prompt, as probes have them.
    network: liveClientSettings(context),
    ...options,
  });
}
