/**
 * A STAND-IN for Electron's `net.fetch` (electron.d.ts `interface Net`: `fetch(input, init?: RequestInit &
 * { bypassCustomProtocolHandlers?: boolean }): Promise<GlobalResponse>`; docs/api/net.md: "Process: Main,
 * Utility"), implemented on undici — not Chromium. What it models, and what real Chromium does instead:
 * - Proxy: the same system setting the session stand-in's resolveProxy answers (`defaultSession.proxyFor`),
 *   in Chromium's PAC-result format. Chromium reads the OS settings, PAC and WPAD.
 * - Proxy sign-in: a 407 on the tunnel emits `app` 'login' with `webContents` null and authInfo
 *   { isProxy: true, scheme, host, port, realm }, as for a utility process forked with
 *   respondToAuthRequestsFromMainProcess (electron.d.ts `ForkOptions`). callback(user, pass) retries with
 *   Basic; callback() gives the 407 back as the response (assumed: Electron documents "an authentication
 *   error on the response object" for net.request). Negotiate/NTLM with the OS account: NOT modelled —
 *   a proxy offering only those gets the 407 back, as with an account it does not accept.
 * - Chromium's auth cache: an accepted Basic sign-in is sent again, unasked, to the same proxy.
 * - Trust: Node's bundled roots plus `systemRoots` (set by a test to play the OS store's enterprise roots).
 * - `redirect: 'manual'` returns the 3xx response itself; 'follow' (the default) follows, as fetch does.
 */
import { Agent, fetch as undiciFetch, ProxyAgent, type Dispatcher } from 'undici';
import { request as httpRequest } from 'node:http';
import { rootCertificates } from 'node:tls';
import { standInEvent } from './events';

type LoginCallback = (username?: string, password?: string) => void;
type LoginEmitter = { emit(event: 'login', ...args: unknown[]): boolean };

let loginTarget: LoginEmitter | null = null;
/** The stand-in `app` registers itself here, so 'login' reaches main's handler. */
export function routeLoginTo(app: LoginEmitter): void {
  loginTarget = app;
}

let proxyFor: (url: string) => string = () => 'DIRECT';
export function useSystemProxy(resolve: (url: string) => string): void {
  proxyFor = resolve;
}

function firstProxy(pac: string): string | null {
  for (const entry of pac.split(';').map((part) => part.trim())) {
    if (/^DIRECT$/i.test(entry)) return null;
    const match = /^(PROXY|HTTP)\s+(\S+:\d+)$/i.exec(entry);
    if (match) return `http://${match[2]}`;
  }
  return null;
}

/** What the proxy offers in Proxy-Authenticate, asked with a bare CONNECT (the 407 undici hides). */
function challenge(proxy: URL, target: URL): Promise<{ scheme: string; realm: string; header: string[] }> {
  return new Promise((resolve) => {
    const port = target.port || (target.protocol === 'https:' ? '443' : '80');
    const request = httpRequest({
      host: proxy.hostname,
      port: proxy.port,
      method: 'CONNECT',
      path: `${target.hostname}:${port}`,
    });
    const read = (headers: Record<string, string | string[] | undefined>) => {
      const raw = headers['proxy-authenticate'];
      const header = Array.isArray(raw) ? raw : raw ? [raw] : [];
      const first = header[0] ?? '';
      request.destroy();
      resolve({
        scheme: (first.split(/\s+/)[0] ?? '').toLowerCase(),
        realm: /realm="([^"]*)"/.exec(first)?.[1] ?? '',
        header,
      });
    };
    request.on('connect', (response, socket) => {
      socket.destroy();
      read(response.headers);
    });
    request.on('response', (response) => read(response.headers));
    request.on('error', () => resolve({ scheme: '', realm: '', header: [] }));
    request.end();
  });
}

function askLogin(
  authInfo: Electron.AuthInfo,
  url: string,
): Promise<{ username: string; password: string } | null> {
  return new Promise((resolve) => {
    const event = standInEvent();
    const callback: LoginCallback = (username, password) =>
      resolve(username !== undefined && password !== undefined ? { username, password } : null);
    loginTarget?.emit('login', event, null, { url }, authInfo, callback);
    // Electron: without preventDefault the authentication is cancelled.
    if (!event.defaultPrevented) resolve(null);
  });
}

function is407(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 6; depth += 1) {
    if (/Proxy response \(407\)/.test(String((current as Error).message))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

const authCache = new Map<string, string>();

export const net = {
  /** Stand-in only: roots the "OS store" holds beyond Node's bundled ones (enterprise roots). */
  systemRoots: [] as string[],
  /** Stand-in only: every URL fetched, to assert a path went through here. */
  fetched: [] as string[],
  /** Stand-in only: forget accepted proxy sign-ins (a new Chromium network context). */
  clearAuthCache(): void {
    authCache.clear();
  },

  async fetch(
    input: string,
    init: RequestInit & { bypassCustomProtocolHandlers?: boolean } = {},
  ): Promise<Response> {
    const url = new URL(input);
    this.fetched.push(url.href);
    const ca = [...rootCertificates, ...this.systemRoots];
    const tls = { ca };
    const proxy = firstProxy(proxyFor(url.href));
    const { bypassCustomProtocolHandlers: _bypass, ...fetchInit } = init;
    const send = (dispatcher: Dispatcher) =>
      undiciFetch(url, { ...(fetchInit as object), dispatcher }) as unknown as Promise<Response>;
    if (!proxy) return send(new Agent({ connect: tls }));
    const cached = authCache.get(proxy);
    try {
      return await send(
        new ProxyAgent({ uri: proxy, requestTls: tls, ...(cached ? { token: cached } : {}) }),
      );
    } catch (error) {
      if (!is407(error)) throw error;
      authCache.delete(proxy);
      const proxyUrl = new URL(proxy);
      const offered = await challenge(proxyUrl, url);
      const authInfo: Electron.AuthInfo = {
        isProxy: true,
        scheme: offered.scheme,
        host: proxyUrl.hostname,
        port: Number(proxyUrl.port),
        realm: offered.realm,
      };
      const credentials = offered.scheme === 'basic' ? await askLogin(authInfo, url.href) : null;
      if (credentials) {
        const token = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
        try {
          const answered = await send(new ProxyAgent({ uri: proxy, requestTls: tls, token }));
          authCache.set(proxy, token);
          return answered;
        } catch (retryError) {
          if (!is407(retryError)) throw retryError;
        }
      }
      const headers = new Headers();
      for (const value of offered.header) headers.append('proxy-authenticate', value);
      return new Response(null, { status: 407, statusText: 'Proxy Authentication Required', headers });
    }
  },
};
