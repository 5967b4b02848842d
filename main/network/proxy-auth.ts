/**
 * Proxy authentication, as far as the Node modes can do it: Basic credentials (from the proxy URL or saved
 * by the admin), and a precise message when a proxy answers 407. Negotiate (Kerberos) and NTLM need the
 * operating system's sign-in, which only the desktop app has (through Chromium's network stack), so a proxy
 * that asks for those gets the advice to use the desktop app.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** The keychain account of the saved proxy sign-in (written by proxy-credentials.ts, read by main too). */
export const PROXY_CREDENTIALS_ACCOUNT = 'proxy-credentials';

export interface ProxyCredentials {
  /** `host:port` of the proxy the credentials are for; they are never sent to any other. */
  proxy: string;
  username: string;
  password: string;
}

/** `host:port` of a proxy URL, the default port filled in. */
export function proxyHostPort(uri: string): string {
  const url = new URL(uri.includes('://') ? uri : `http://${uri}`);
  return `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
}

export function basicAuthorization(credentials: Pick<ProxyCredentials, 'username' | 'password'>): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`;
}

/** The auth schemes a `Proxy-Authenticate` header offers, e.g. `Negotiate, NTLM` → ['Negotiate', 'NTLM']. */
export function challengeSchemes(header: string | string[] | undefined | null): string[] {
  const values = Array.isArray(header) ? header : header ? [header] : [];
  const schemes: string[] = [];
  for (const value of values) {
    // A scheme is a token that starts a challenge: at the start, or after a comma, and not followed by `=`.
    for (const match of value.matchAll(/(?:^|,)\s*([A-Za-z][\w!#$%&'*+.^`|~-]*)(?=\s|,|$)(?!\s*=)/g)) {
      const scheme = match[1]!;
      const known = ['Basic', 'Negotiate', 'NTLM', 'Digest', 'Kerberos', 'Bearer'].find(
        (name) => name.toLowerCase() === scheme.toLowerCase(),
      );
      schemes.push(known ?? scheme);
    }
  }
  return [...new Set(schemes)];
}

/** The realm of a `Proxy-Authenticate` challenge for `scheme` (Basic by default), or ''. */
export function challengeRealm(header: string | string[] | undefined | null, scheme = 'Basic'): string {
  const values = Array.isArray(header) ? header : header ? [header] : [];
  for (const value of values) {
    const match = new RegExp(`(?:^|,)\\s*${scheme}\\s+[^,]*?realm="([^"]*)"`, 'i').exec(value);
    if (match) return match[1]!;
  }
  return '';
}

export interface ProxyChallenge {
  /** `host:port` of the proxy. */
  proxy: string;
  /** Schemes the proxy offered; empty when it named none (or could not be asked again). */
  schemes: string[];
  /** The realm of its Basic challenge, when it named one. */
  realm?: string;
  /** Whether we had sent credentials (they were refused then). */
  credentialsSent: boolean;
  /** Which network stack met the proxy. */
  stack: 'node' | 'chromium';
  /** How the sign-in prompt ended, when the admin was asked and nothing passed. */
  signIn?: 'cancelled' | 'timedOut' | 'refusedTooOften';
}

/** A proxy between us and the server asked for credentials (HTTP 407); `message` says what to do. */
export class ProxyAuthRequiredError extends Error {
  override name = 'ProxyAuthRequiredError';
  readonly code = 'PROXY_AUTH_REQUIRED';
  constructor(readonly challenge: ProxyChallenge) {
    super(proxyAuthMessage(challenge));
  }
}

export function proxyAuthMessage(challenge: ProxyChallenge): string {
  return proxyAuthAdvice(challenge) + signInNote(challenge.signIn);
}

function signInNote(outcome: ProxyChallenge['signIn']): string {
  if (outcome === 'cancelled') return ' (The sign-in prompt was cancelled.)';
  if (outcome === 'timedOut') return ' (Nobody answered the sign-in prompt in time.)';
  if (outcome === 'refusedTooOften')
    return ' (The proxy refused the user name and password several times, so the assistant stopped asking.)';
  return '';
}

function proxyAuthAdvice(challenge: ProxyChallenge): string {
  const { proxy, schemes, credentialsSent, stack } = challenge;
  const asked = schemes.length > 0 ? schemes.join(' or ') : 'an unnamed scheme';
  const head = `The proxy ${proxy} asked for sign-in (HTTP 407, Proxy-Authenticate: ${asked})`;
  const basic = schemes.length === 0 || schemes.includes('Basic');
  const osOnly = schemes.some((scheme) => ['Negotiate', 'NTLM', 'Kerberos'].includes(scheme));
  if (stack === 'chromium') {
    // Chromium already tried the OS account for Negotiate/NTLM; a Basic prompt went to main (proxy-login.ts).
    return basic && !osOnly
      ? `${head}. Enter the proxy's user name and password when the assistant asks, or save them under **Diagnostics > Network**.`
      : `${head}, and the operating system's sign-in was not accepted. Check that you are signed in to the company network (VPN), or ask IT whether this proxy allows the assistant.`;
  }
  if (credentialsSent) {
    return `${head} and refused the user name and password. Correct them under **Diagnostics > Network**, or run the desktop app, which signs in to the proxy as you.`;
  }
  if (basic && !osOnly) {
    return `${head}. Enter the proxy's user name and password under **Diagnostics > Network** (kept in the keychain), or run the desktop app, which uses the operating system's proxy sign-in.`;
  }
  const also = basic
    ? ' If IT gave you a proxy user name and password, enter them under **Diagnostics > Network**.'
    : '';
  return `${head}: that sign-in uses your Windows or macOS account, which only the desktop app can use. Run the desktop app (it sends requests the way your browser does).${also}`;
}

/**
 * Asks the proxy once more, with a bare CONNECT and no credentials, which schemes it wants and the Basic
 * realm it names ('' when none): undici reports a refused tunnel only as "Proxy response (407)", without the
 * Proxy-Authenticate header. Bounded in time; resolves no schemes when the proxy does not say.
 */
export function askProxyChallenge(
  proxyUri: string,
  target: URL,
  options: { timeoutMs: number; ca?: string[] },
): Promise<{ schemes: string[]; realm: string }> {
  const proxy = new URL(proxyUri);
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  const send = proxy.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const request = send({
      host: proxy.hostname,
      port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80),
      method: 'CONNECT',
      path: `${target.hostname}:${port}`,
      headers: { host: `${target.hostname}:${port}` },
      timeout: options.timeoutMs,
      ...(options.ca ? { ca: options.ca } : {}),
    });
    const done = (header: string | string[] | undefined) => {
      request.destroy();
      resolve({ schemes: challengeSchemes(header), realm: challengeRealm(header) });
    };
    request.on('connect', (response, socket) => {
      socket.destroy();
      done(response.headers['proxy-authenticate']);
    });
    request.on('response', (response) => {
      response.resume();
      done(response.headers['proxy-authenticate']);
    });
    request.on('timeout', () => done(undefined));
    request.on('error', () => done(undefined));
    request.end();
  });
}
