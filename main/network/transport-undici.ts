/**
 * The Node modes' transport (CLI, browser mode, tests): undici, with the system-proxy hook or
 * HTTPS_PROXY/HTTP_PROXY/NO_PROXY (main/scim/proxy.ts), Basic proxy credentials, and the trust store the
 * runtime offers (main/scim/trust.ts). A tunnel refused with 407 becomes a ProxyAuthRequiredError that
 * names the proxy and the scheme it asked for.
 */
import { request as undiciRequest } from 'undici';
import { ProxyRouter } from '../scim/proxy';
import { buildTrustSettings } from '../scim/trust';
import { askProxySchemes, challengeSchemes, proxyHostPort, ProxyAuthRequiredError } from './proxy-auth';
import type { HttpTransport, TransportSettings } from './transport';

/** Throws ScimConfigError for an unreadable CA file, before any traffic. */
export function createUndiciTransport(settings: TransportSettings): HttpTransport {
  const trust = buildTrustSettings({
    caFile: settings.caFile,
    useSystemCa: settings.useSystemCa,
    env: settings.env,
  });
  const router = new ProxyRouter(
    {
      connectTimeoutMs: settings.connectMs,
      headersTimeoutMs: settings.headersMs,
      bodyTimeoutMs: settings.bodyMs,
      ca: trust.ca,
    },
    settings.resolveProxy,
    settings.env,
    settings.proxyCredentials,
  );
  return {
    stack: 'node',
    trustSources: trust.sources,
    describeRoute: async (url) => (await router.routeFor(url)).description,
    async send(request) {
      const route = await router.routeFor(request.url);
      try {
        const response = await undiciRequest(request.url, {
          dispatcher: route.dispatcher,
          method: request.method as 'GET',
          headers: request.headers,
          body: request.body,
          signal: request.signal,
        });
        if (response.statusCode === 407 && route.proxyUri) {
          // A plain-http target through the proxy: the 407 is the proxy's own answer, not the server's.
          response.body.on('error', () => undefined).destroy();
          throw new ProxyAuthRequiredError({
            proxy: proxyHostPort(route.proxyUri),
            schemes: challengeSchemes(response.headers['proxy-authenticate']),
            credentialsSent: route.credentialsSent === true,
            stack: 'node',
          });
        }
        return { status: response.statusCode, headers: response.headers, body: response.body };
      } catch (error) {
        if (error instanceof ProxyAuthRequiredError) throw error;
        if (route.proxyUri && isTunnel407(error)) {
          throw new ProxyAuthRequiredError({
            proxy: proxyHostPort(route.proxyUri),
            schemes: await askProxySchemes(route.proxyUri, request.url, {
              timeoutMs: settings.connectMs,
              ...(trust.ca ? { ca: trust.ca } : {}),
            }),
            credentialsSent: route.credentialsSent === true,
            stack: 'node',
          });
        }
        throw error;
      }
    },
    close: () => router.close(),
  };
}

/** undici's words for a CONNECT the proxy answered with 407, anywhere in the cause chain. */
function isTunnel407(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 6; depth += 1) {
    const message = (current as { message?: unknown }).message;
    if (typeof message === 'string' && /Proxy response \(407\)|Proxy Authentication Required/.test(message))
      return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
