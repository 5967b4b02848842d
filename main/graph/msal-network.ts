/**
 * MSAL's HTTP calls (discovery, device code, token) through the same route and trust as everything else
 * (main/network settings: system or environment proxy, extra trusted certificates), via MSAL's documented
 * INetworkModule extension point, instead of MSAL's own https client which knows neither.
 */
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { createUndiciTransport } from '../network/transport-undici';
import type { ClientSettings } from '../network/client-settings';
import { readBodyCapped } from '../scim/read-body';

export function msalNetworkModule(network: ClientSettings = {}): INetworkModule & { close(): Promise<void> } {
  // The same transport as Graph and SCIM: Chromium's in the desktop app, undici in the Node modes.
  const http = (network.transport ?? createUndiciTransport)({
    connectMs: 15_000,
    headersMs: 60_000,
    bodyMs: 60_000,
    env: network.env ?? process.env,
    ...(network.caFile ? { caFile: network.caFile } : {}),
    ...(network.useSystemCa === undefined ? {} : { useSystemCa: network.useSystemCa }),
    ...(network.resolveProxy ? { resolveProxy: network.resolveProxy } : {}),
    ...(network.proxyCredentials ? { proxyCredentials: network.proxyCredentials } : {}),
  });
  async function send<T>(
    method: 'GET' | 'POST',
    url: string,
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> {
    const response = await http.send({
      url: new URL(url),
      method,
      headers: options?.headers ?? {},
      ...(options?.body === undefined ? {} : { body: options.body }),
      signal: AbortSignal.timeout(120_000),
    });
    // Token and discovery answers are small; 4 MiB is far above any of them.
    const text = (await readBodyCapped(response.body, 4 * 1024 * 1024, undefined)).toString('utf8');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers))
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = {};
    }
    return { status: response.status, headers, body: body as T };
  }
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
    close: () => http.close(),
  };
}
