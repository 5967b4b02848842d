/**
 * The Node modes' transport (CLI, browser mode, tests): undici, with the system-proxy hook or
 * HTTPS_PROXY/HTTP_PROXY/NO_PROXY (main/scim/proxy.ts), Basic proxy credentials, and the trust store the
 * runtime offers (main/scim/trust.ts). A tunnel refused with 407 becomes a ProxyAuthRequiredError that
 * names the proxy and the scheme it asked for. With the window's sign-in prompt (`settings.signIn`, browser
 * mode), a Basic 407 asks the admin and the request is sent again with what they entered; the CLI has no
 * prompt and keeps the proxy URL, the saved sign-in and the message.
 */
import { request as undiciRequest } from 'undici';
import { ProxyRouter } from '../scim/proxy';
import { buildTrustSettings } from '../scim/trust';
import {
  askProxyChallenge,
  challengeRealm,
  challengeSchemes,
  proxyHostPort,
  ProxyAuthRequiredError,
  type ProxyCredentials,
} from './proxy-auth';
import type { HttpTransport, TransportRequest, TransportResponse, TransportSettings } from './transport';

/** More than the broker's own bound (proxy-sign-in.ts): a second stop if an answer keeps being refused. */
const MAX_SIGN_IN_ROUNDS = 5;

/** Throws ScimConfigError for an unreadable CA file, before any traffic. */
export function createUndiciTransport(settings: TransportSettings): HttpTransport {
  const trust = buildTrustSettings({
    caFile: settings.caFile,
    useSystemCa: settings.useSystemCa,
    env: settings.env,
  });
  const routerWith = (credentials: ProxyCredentials | undefined) =>
    new ProxyRouter(
      {
        connectTimeoutMs: settings.connectMs,
        headersTimeoutMs: settings.headersMs,
        bodyTimeoutMs: settings.bodyMs,
        ca: trust.ca,
      },
      settings.resolveProxy,
      settings.env,
      credentials,
    );
  let router = routerWith(settings.proxyCredentials);
  const retired: ProxyRouter[] = [];
  // A Cancel (or a prompt left unanswered) holds for this client: the rest of one probe run or dry run does
  // not ask again. The next run is a new client, and asks.
  const declined = new Map<string, 'cancelled' | 'timedOut' | 'refusedTooOften'>();

  async function sendOnce(request: TransportRequest): Promise<TransportResponse> {
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
          realm: challengeRealm(response.headers['proxy-authenticate']),
          credentialsSent: route.credentialsSent === true,
          stack: 'node',
        });
      }
      return { status: response.statusCode, headers: response.headers, body: response.body };
    } catch (error) {
      if (error instanceof ProxyAuthRequiredError) throw error;
      if (route.proxyUri && isTunnel407(error)) {
        const asked = await askProxyChallenge(route.proxyUri, request.url, {
          timeoutMs: settings.connectMs,
          ...(trust.ca ? { ca: trust.ca } : {}),
        });
        throw new ProxyAuthRequiredError({
          proxy: proxyHostPort(route.proxyUri),
          ...asked,
          credentialsSent: route.credentialsSent === true,
          stack: 'node',
        });
      }
      throw error;
    }
  }

  return {
    stack: 'node',
    trustSources: trust.sources,
    describeRoute: async (url) => (await router.routeFor(url)).description,
    async send(request) {
      const sentAt = request.sentAt ?? settings.signIn?.clock();
      for (let round = 1; ; round += 1) {
        try {
          return await sendOnce(request);
        } catch (error) {
          const signIn = settings.signIn;
          if (!(error instanceof ProxyAuthRequiredError) || !signIn) throw error;
          const { challenge } = error;
          // undici can answer Basic only; Negotiate/NTLM keep the advice to use the desktop app.
          if (!challenge.schemes.includes('Basic') || round > MAX_SIGN_IN_ROUNDS) throw error;
          const before = declined.get(challenge.proxy);
          if (before) throw new ProxyAuthRequiredError({ ...challenge, signIn: before });
          const release = request.holdDeadline?.();
          let result;
          try {
            result = await signIn.ask({
              proxy: challenge.proxy,
              realm: challenge.realm ?? '',
              scheme: 'Basic',
              refused: challenge.credentialsSent,
              ...(sentAt === undefined ? {} : { sentAt }),
            });
          } finally {
            release?.();
          }
          if (result.outcome === 'noWindow') throw error;
          if (result.outcome !== 'answered') {
            declined.set(challenge.proxy, result.outcome);
            throw new ProxyAuthRequiredError({ ...challenge, signIn: result.outcome });
          }
          if (request.signal.aborted) throw error;
          // Later requests of this client go with the new sign-in too; the old router closes with us.
          retired.push(router);
          router = routerWith({
            proxy: challenge.proxy,
            username: result.username,
            password: result.password,
          });
        }
      }
    },
    close: async () => {
      await Promise.all([router.close(), ...retired.map((old) => old.close())]);
    },
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
