/**
 * The one place that decides how SCIM requests reach Jostle: what the entry point injected (Electron's
 * system-proxy hook, the environment) merged with what the admin saved under Diagnostics > Network.
 * Probes, the dry run and the support export all read it from here.
 */
import tls from 'node:tls';
import type { ScimClientOptions } from '../scim/types';
import type { NetworkSettings } from '../settings/schema';
import type { Redactor } from '../logging/redactor';
import { peekProxyCredentials, proxyCredentialVault } from './proxy-credentials';
import { proxySignInBroker, type ProxySignInBroker } from './proxy-sign-in';

/**
 * How one SCIM (or Graph) client reaches its server: timeouts, trust, proxy and retries. The SCIM client's
 * own options, minus the target, so the two cannot drift apart.
 */
export type ClientSettings = Pick<
  ScimClientOptions,
  | 'timeouts'
  | 'maxBodyBytes'
  | 'caFile'
  | 'useSystemCa'
  | 'resolveProxy'
  | 'retry'
  | 'env'
  | 'transport'
  | 'proxyCredentials'
  | 'signIn'
>;

/** What this reads of the app context: what the entry point injected, and the saved Network settings. */
export interface NetworkSources {
  network: ClientSettings;
  settings: { read(): { network: NetworkSettings } };
}

export function clientSettings(context: NetworkSources): ClientSettings {
  const saved = context.settings.read().network;
  const caFile = context.network.caFile ?? saved.caFile ?? undefined;
  const proxyCredentials = context.network.transport ? undefined : peekProxyCredentials(context);
  return {
    ...context.network,
    ...(caFile ? { caFile } : {}),
    ...(proxyCredentials ? { proxyCredentials } : {}),
    useSystemCa: context.network.useSystemCa ?? saved.useSystemCa,
  };
}

/**
 * clientSettings plus the proxy credentials the admin saved (a keychain read, cached after the first): what
 * requests that actually go out (probes, live dry runs, Graph) use.
 */
export async function liveClientSettings(
  context: NetworkSources & { redactor: Redactor } & Partial<WindowSources>,
): Promise<ClientSettings> {
  const settings = { ...clientSettings(context), ...signInFor(context) };
  // The desktop app's Chromium transport signs in to proxies itself (main answers its Basic prompts).
  if (settings.transport) return settings;
  const credentials = await proxyCredentialVault(context).read();
  return credentials ? { ...settings, proxyCredentials: credentials } : settings;
}

/** What an app context with a window adds: its push channel, for the proxy sign-in prompt. */
interface WindowSources {
  transport: 'electron' | 'browser' | 'cli';
  events: { emit(channel: 'proxySignIn', event: never): void; hasListeners(): boolean };
}

function signInFor(context: Partial<WindowSources>): { signIn?: ProxySignInBroker } {
  // The CLI has nobody to ask: it keeps the proxy URL, the saved sign-in and the 407 message.
  if (!context.events || !context.transport || context.transport === 'cli') return {};
  return { signIn: proxySignInBroker(context as WindowSources) };
}

export { transportFor } from './transport-for';

/** Marks the start of a run for the window's prompt (ProxySignInBroker.startRun); nothing in the CLI. */
export function startNetworkRun(context: Partial<WindowSources>): void {
  signInFor(context).signIn?.startRun();
}

/** `tls.getCACertificates('system')` exists from Node 22.15 (Electron 45); Node 20 (CLI, browser mode) lacks it. */
export function systemCaSupported(): boolean {
  return typeof (tls as unknown as { getCACertificates?: unknown }).getCACertificates === 'function';
}

function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  // Lower case wins, as in ProxyRouter (main/scim/proxy.ts).
  const value = env[name.toLowerCase()] ?? env[name];
  return value?.trim() ? value.trim() : undefined;
}

/** How requests leave this computer, in one line, never with proxy credentials. */
export function describeProxy(settings: ClientSettings): string {
  if (settings.transport)
    return 'System proxy settings, PAC/WPAD and proxy sign-in, as your browser (Chromium)';
  if (settings.resolveProxy) return 'System proxy settings (Electron)';
  const env = settings.env ?? {};
  const name = envValue(env, 'HTTPS_PROXY')
    ? 'HTTPS_PROXY'
    : envValue(env, 'HTTP_PROXY')
      ? 'HTTP_PROXY'
      : null;
  if (!name) return 'Direct';
  const raw = envValue(env, name) as string;
  const noProxy = envValue(env, 'NO_PROXY');
  const except = noProxy ? `, except NO_PROXY=${noProxy}` : '';
  let url: URL;
  try {
    url = new URL(raw.includes('://') ? raw : `http://${raw}`);
  } catch {
    return `${name} is set but is not a valid proxy address`;
  }
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const hidden = url.username || url.password ? ' (credentials hidden)' : '';
  return `${name}=${url.hostname}:${port}${hidden}${except}`;
}
