/**
 * The desktop app's transport: Electron's `net.fetch` in the handler host (a utility process; electron.d.ts
 * `namespace Utility` has `net`). Chromium's network stack then does what the admin's browser does: system
 * proxy settings with PAC/WPAD, Negotiate/NTLM proxy sign-in with the OS account, Basic sign-in answered by
 * main's `app` 'login' handler (the host is forked with respondToAuthRequestsFromMainProcess), and TLS
 * verification against the OS trust store including enterprise roots.
 * The function is injected (`netFetch`), so this file does not import Electron and tests run it against the
 * stand-in (test/electron/stand-in/net.ts).
 */
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { parsePacResult } from '../scim/proxy';
import { challengeSchemes, proxyHostPort, ProxyAuthRequiredError } from './proxy-auth';
import type { HttpTransport, HttpTransportFactory, TransportRequest, TransportResponse } from './transport';

/** The part of electron.d.ts `Net.fetch` we call. */
export type NetFetch = (
  input: string,
  init: RequestInit & { bypassCustomProtocolHandlers?: boolean },
) => Promise<Response>;

export function chromiumTransportFactory(netFetch: NetFetch): HttpTransportFactory {
  return (settings) => {
    const routes = new Map<string, Promise<{ description: string; proxy?: string }>>();
    // Chromium picks the proxy itself; asking the same resolver (main's session.resolveProxy) tells the
    // admin which one. A hook that fails or is slow only costs the description, never the request.
    function route(url: URL) {
      let pending = routes.get(url.origin);
      if (!pending) {
        pending = describe(url);
        routes.set(url.origin, pending);
      }
      return pending;
    }
    async function describe(url: URL): Promise<{ description: string; proxy?: string }> {
      const resolve = settings.resolveProxy;
      if (!resolve) return { description: 'Chromium network stack (system proxy settings)' };
      let timer: NodeJS.Timeout | undefined;
      const pac = await Promise.race([
        resolve(url.href).catch(() => undefined),
        new Promise<undefined>((done) => (timer = setTimeout(() => done(undefined), settings.connectMs))),
      ]).finally(() => clearTimeout(timer));
      if (pac === undefined) return { description: 'Chromium network stack (system proxy settings)' };
      const { choice } = parsePacResult(pac);
      return choice.kind === 'direct'
        ? { description: 'direct (Chromium, system proxy settings/PAC)' }
        : { description: `proxy ${choice.uri} (Chromium, system proxy settings/PAC)`, proxy: choice.uri };
    }

    const transport: HttpTransport = {
      stack: 'chromium',
      // Chromium verifies against the OS store; the admin's extra PEM file does not apply here.
      trustSources: ['system'],
      describeRoute: async (url) => (await route(url)).description,
      async send(request) {
        // While the window asks for a proxy sign-in, Chromium holds this request: the admin typing must
        // not count against the response deadline.
        let held: (() => void) | undefined;
        const unsubscribe = settings.signIn?.whileOpen((open) => {
          if (open) held ??= request.holdDeadline?.();
          else {
            held?.();
            held = undefined;
          }
        });
        try {
          return await sendThroughChromium(request);
        } finally {
          unsubscribe?.();
          held?.();
        }
      },
      close: async () => undefined,
    };

    async function sendThroughChromium(request: TransportRequest): Promise<TransportResponse> {
      const response = await netFetch(request.url.href, {
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body }),
        signal: request.signal,
        // Never follow: the client refuses redirects itself so the key is not sent elsewhere.
        redirect: 'manual',
        credentials: 'omit',
        bypassCustomProtocolHandlers: true,
      });
      const headers: Record<string, string | string[]> = {};
      response.headers.forEach((value, name) => {
        headers[name] = value;
      });
      const cookies = response.headers.getSetCookie?.() ?? [];
      if (cookies.length > 0) headers['set-cookie'] = cookies;
      if (response.status === 407) {
        // Chromium hands back the proxy's 407 when neither the OS sign-in nor the login prompt passed it.
        await response.body?.cancel().catch(() => undefined);
        const proxy = (await route(request.url)).proxy;
        const hostPort = proxy ? proxyHostPort(proxy) : undefined;
        const outcome = hostPort ? settings.signIn?.outcomeFor(hostPort) : undefined;
        throw new ProxyAuthRequiredError({
          proxy: hostPort ?? 'on the way (system settings)',
          schemes: challengeSchemes(response.headers.get('proxy-authenticate')),
          credentialsSent: false,
          stack: 'chromium',
          ...(outcome && outcome !== 'answered' && outcome !== 'noWindow' ? { signIn: outcome } : {}),
        });
      }
      const body = response.body
        ? Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>)
        : Readable.from([]);
      return { status: response.status, headers, body };
    }
    return transport;
  };
}
