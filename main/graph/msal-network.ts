/**
 * MSAL's HTTP calls (discovery, device code, token) through the same route and trust as everything else
 * (main/network settings: system or environment proxy, extra trusted certificates), via MSAL's documented
 * INetworkModule extension point, instead of MSAL's own https client which knows neither.
 */
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { request as undiciRequest } from 'undici';
import type { ClientSettings } from '../network/client-settings';
import { ProxyRouter } from '../scim/proxy';
import { buildTrustSettings } from '../scim/trust';

export function msalNetworkModule(network: ClientSettings = {}): INetworkModule & { close(): Promise<void> } {
  const env = network.env ?? process.env;
  const trust = buildTrustSettings({ caFile: network.caFile, useSystemCa: network.useSystemCa, env });
  const router = new ProxyRouter(
    { connectTimeoutMs: 15_000, headersTimeoutMs: 60_000, bodyTimeoutMs: 60_000, ca: trust.ca },
    network.resolveProxy,
    env,
  );
  async function send<T>(
    method: 'GET' | 'POST',
    url: string,
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> {
    const target = new URL(url);
    const route = await router.routeFor(target);
    const response = await undiciRequest(target, {
      dispatcher: route.dispatcher,
      method,
      headers: options?.headers ?? {},
      body: options?.body,
    });
    const text = await response.body.text();
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers))
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = {};
    }
    return { status: response.statusCode, headers, body: body as T };
  }
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
    close: () => router.close(),
  };
}
