/**
 * MSAL's HTTP calls (discovery, device code, token) through the same route and trust as everything else
 * (main/network: Chromium's stack in the desktop app; undici with the system or environment proxy, extra
 * trusted certificates and the window's proxy sign-in prompt elsewhere), via MSAL's documented
 * INetworkModule extension point, instead of MSAL's own https client which knows none of them.
 */
import {
  AuthError,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from '@azure/msal-node';
import { transportFor, type ClientSettings } from '../network/client-settings';
import { pausableDeadline } from '../network/pausable-deadline';
import { ProxyAuthRequiredError } from '../network/proxy-auth';
import type { HttpTransport } from '../network/transport';
import { readBodyCapped } from '../scim/read-body';
import { PROXY_AUTH_ERROR_CODE } from './errors';

const RESPONSE_MS = 120_000;

/** `network`: the settings, or a function reading them when the first call goes out (a keychain read). */
export function msalNetworkModule(
  network: ClientSettings | (() => Promise<ClientSettings>) = {},
): INetworkModule & { close(): Promise<void> } {
  let http: Promise<HttpTransport> | undefined;
  const transport = () =>
    (http ??= Promise.resolve(typeof network === 'function' ? network() : network).then((settings) =>
      transportFor(settings, { connectMs: 15_000, headersMs: 60_000, bodyMs: 60_000 }),
    ));

  async function send<T>(
    method: 'GET' | 'POST',
    url: string,
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> {
    const current = transport();
    const deadline = pausableDeadline(RESPONSE_MS);
    let response;
    try {
      response = await (
        await current
      ).send({
        url: new URL(url),
        method,
        headers: options?.headers ?? {},
        ...(options?.body === undefined ? {} : { body: options.body }),
        signal: deadline.signal,
        holdDeadline: deadline.hold,
      });
    } catch (error) {
      if (!(error instanceof ProxyAuthRequiredError)) throw error;
      // This module lives as long as MSAL's client, so an undici transport would keep a Cancel for good:
      // the sign-in or refresh it ended is over, and the next one gets a fresh transport that asks again.
      if (error.challenge.signIn && http === current) {
        http = undefined;
        void current.then((old) => old.close()).catch(() => undefined);
      }
      // MSAL replaces any error that is not its own with a bare "network_error"; an AuthError passes as is.
      throw new AuthError(PROXY_AUTH_ERROR_CODE, options?.correlationId ?? '', error.message);
    } finally {
      deadline.clear();
    }
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
    close: async () => {
      if (http) await (await http).close();
    },
  };
}
