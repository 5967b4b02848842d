/**
 * The transport for one client from its settings: the injected one (Chromium's in the desktop app) or undici,
 * with the same trust, proxy, saved sign-in and window prompt. The SCIM client, the Graph client, MSAL's
 * network module and the route check all build theirs here, so none of them can forget a setting.
 */
import type { ScimClientOptions } from '../scim/types';
import type { HttpTransport } from './transport';
import { createUndiciTransport } from './transport-undici';

export type TransportOptions = Pick<
  ScimClientOptions,
  'transport' | 'env' | 'caFile' | 'useSystemCa' | 'resolveProxy' | 'proxyCredentials' | 'signIn'
>;

export function transportFor(
  settings: TransportOptions,
  timers: { connectMs: number; headersMs: number; bodyMs: number },
): HttpTransport {
  return (settings.transport ?? createUndiciTransport)({
    ...timers,
    env: settings.env ?? process.env,
    ...(settings.caFile ? { caFile: settings.caFile } : {}),
    ...(settings.useSystemCa === undefined ? {} : { useSystemCa: settings.useSystemCa }),
    ...(settings.resolveProxy ? { resolveProxy: settings.resolveProxy } : {}),
    ...(settings.proxyCredentials ? { proxyCredentials: settings.proxyCredentials } : {}),
    ...(settings.signIn ? { signIn: settings.signIn } : {}),
  });
}
