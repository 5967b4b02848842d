import { performance } from 'node:perf_hooks';
import { ProxyAuthRequiredError } from '../network/proxy-auth';
import type { HttpTransport } from '../network/transport';
import { transportFor } from '../network/transport-for';
import { linkAbort } from './abort-link';
import { classifyNetworkError, describeKind, ScimNetworkError } from './errors';
import { BodyTooLargeError, discardBody, readBodyCapped } from './read-body';
import { parseResponseBody } from './parse-body';
import { redactSecret, redactSecretIn, truncate } from './redact';
import { looksLikeTlsPort, resolvesToLoopbackOnly } from './port-check';
import { retryDelayMs, sleep } from './retry';
import type { CaSource } from './trust';
import type {
  NetworkErrorInfo,
  RetryOptions,
  ScimClientOptions,
  ScimRequest,
  ScimResponse,
  ScimTimeouts,
} from './types';
import { buildRequestUrl, parseBaseUrl } from './url';
import { USER_AGENT } from './user-agent';

export const DEFAULT_TIMEOUTS: ScimTimeouts = { connectMs: 10_000, headersMs: 30_000, bodyMs: 30_000 };
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_TEXT_CHARS = 4096;
export const DEFAULT_RETRY: RetryOptions = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 10_000 };

export interface ScimClient {
  /** The normalised Base URL (no trailing slash). */
  readonly baseUrl: string;
  /** Which certificate stores TLS verification trusts. */
  readonly trustSources: readonly CaSource[];
  /** Resolves with any HTTP response (4xx/5xx included); rejects with ScimNetworkError when there is none. */
  request(request: ScimRequest): Promise<ScimResponse>;
  /** The same transport with another token, e.g. a deliberately wrong one. Both tokens stay redacted. */
  withToken(token: string): ScimClient;
  /** Tears down every connection, including ones a hostile server keeps open. */
  close(): Promise<void>;
}

interface Transport {
  base: URL;
  /** undici in the Node modes, Chromium's net in the desktop app (main/network/transport.ts). */
  http: HttpTransport;
  timeouts: ScimTimeouts;
  maxBodyBytes: number;
  maxTextChars: number;
  retry: RetryOptions;
  trustSources: CaSource[];
  secrets: string[];
}

/** Builds a client; throws ScimConfigError for a bad Base URL or CA file before any traffic. */
export function createScimClient(options: ScimClientOptions): ScimClient {
  const base = parseBaseUrl(options.baseUrl);
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const http = transportFor(options, {
    connectMs: timeouts.connectMs,
    headersMs: timeouts.headersMs + 1000,
    bodyMs: timeouts.bodyMs + 1000,
  });
  const transport: Transport = {
    base,
    http,
    timeouts,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    maxTextChars: options.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    trustSources: [...http.trustSources],
    secrets: [options.token],
  };
  return clientFor(transport, options.token);
}

function clientFor(transport: Transport, token: string): ScimClient {
  return {
    baseUrl: transport.base.href.replace(/\/$/, ''),
    trustSources: transport.trustSources,
    request: (request) => requestWithRetries(transport, token, request),
    withToken: (other) => {
      transport.secrets.push(other);
      return clientFor(transport, other);
    },
    close: () => transport.http.close(),
  };
}

async function requestWithRetries(
  transport: Transport,
  token: string,
  request: ScimRequest,
): Promise<ScimResponse> {
  const url = buildRequestUrl(transport.base, request.path, request.query);
  const requestLine = `${request.method} ${url.href}`;
  const idempotent = request.idempotent ?? ['GET', 'PUT', 'DELETE'].includes(request.method);
  const started = performance.now();
  for (let attempt = 1; ; attempt += 1) {
    const response = await sendOnce(transport, token, request, url, requestLine, started);
    const wait = retryDelayMs(
      response.status,
      response.headers['retry-after'],
      attempt,
      idempotent,
      transport.retry,
    );
    if (wait === undefined) return { ...response, attempts: attempt, durationMs: elapsed(started) };
    try {
      await sleep(wait, request.signal);
    } catch {
      throw networkError(transport, { kind: 'aborted', requestLine, started, route: response.route });
    }
  }
}

async function sendOnce(
  transport: Transport,
  token: string,
  request: ScimRequest,
  url: URL,
  requestLine: string,
  started: number,
): Promise<ScimResponse> {
  const { signal } = request;
  let route = 'direct';
  if (signal?.aborted) throw networkError(transport, { kind: 'aborted', requestLine, started, route });
  const controller = new AbortController();
  const unlink = linkAbort(signal, controller);
  // Our own per-phase deadlines: undici's body timeout is an idle timer, which a byte-a-second server defeats.
  let timedOut: 'headers' | 'body' | undefined;
  let timer = setTimeout(() => {
    timedOut = 'headers';
    controller.abort();
  }, transport.timeouts.headersMs);
  try {
    if (url.protocol === 'http:' && !(await resolvesToLoopbackOnly(url.hostname))) {
      // Plain http is allowed only on this computer; a "localhost" that resolves elsewhere is not that.
      throw networkError(transport, {
        kind: 'insecureUrl',
        message: `${url.hostname} does not resolve only to this computer, so plain http:// is not allowed; use https://`,
        requestLine,
        started,
        route,
      });
    }
    route = await transport.http.describeRoute(url);
    const response = await transport.http.send({
      url,
      method: request.method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/scim+json, application/json',
        ...(request.userAgent === false ? {} : { 'user-agent': USER_AGENT }),
        ...(request.body === undefined ? {} : { 'content-type': 'application/scim+json' }),
      },
      body: request.bodyText ?? (request.body === undefined ? undefined : JSON.stringify(request.body)),
      signal: controller.signal,
      holdDeadline: () => {
        clearTimeout(timer);
        let held = true;
        return () => {
          if (!held || timedOut) return;
          held = false;
          clearTimeout(timer);
          timer = setTimeout(() => {
            timedOut = 'headers';
            controller.abort();
          }, transport.timeouts.headersMs);
        };
      },
    });
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = 'body';
      controller.abort();
    }, transport.timeouts.bodyMs);

    const headers = flattenHeaders(response.headers, transport.secrets);
    const location = headers.location;
    if (response.status >= 300 && response.status < 400 && location) {
      discardBody(response.body);
      throw redirectError(transport, url, response.status, location, requestLine, started, route);
    }
    const buffer = await readBodyCapped(response.body, transport.maxBodyBytes, headers['content-length']);
    const decoded = buffer.toString('utf8');
    const parsed = parseResponseBody(buffer, headers, false, decoded);
    const shownText = parsed.problem?.kind === 'encoded' ? `(${buffer.length} compressed bytes)` : decoded;
    const redactedText = redactSecret(shownText, transport.secrets);
    const { text, truncated } = truncate(redactedText, transport.maxTextChars);
    // Without a backslash in the raw text every parsed string (and key) is a substring of that text, so a
    // text with no form of the secret in it cannot give a body with one: skip the deep copy (hot in dry runs).
    const bodyIsClean =
      parsed.problem?.kind !== 'encoded' && redactedText === shownText && !shownText.includes('\\');
    return {
      status: response.status,
      headers,
      contentType: headers['content-type'],
      // Redacted as data: re-serialising this later must not bring back a key the server echoed.
      body: bodyIsClean ? parsed.body : redactSecretIn(parsed.body, transport.secrets),
      ...(parsed.problem ? { bodyProblem: parsed.problem } : {}),
      text,
      textTruncated: truncated,
      bytes: buffer.length,
      durationMs: elapsed(started),
      requestLine,
      attempts: 1,
      route,
    };
  } catch (error) {
    if (error instanceof ScimNetworkError) throw error;
    if (error instanceof ProxyAuthRequiredError) {
      const { code, message } = error;
      throw networkError(transport, { kind: 'proxy', code, message, requestLine, started, route });
    }
    if (signal?.aborted) throw networkError(transport, { kind: 'aborted', requestLine, started, route });
    if (timedOut) {
      const budget = timedOut === 'headers' ? transport.timeouts.headersMs : transport.timeouts.bodyMs;
      const message =
        timedOut === 'headers'
          ? `No response headers within ${seconds(budget)}`
          : `The response body did not finish within ${seconds(budget)}`;
      throw networkError(transport, {
        kind: 'timeout',
        phase: timedOut,
        message,
        requestLine,
        started,
        route,
      });
    }
    if (error instanceof BodyTooLargeError) {
      throw networkError(transport, {
        kind: 'tooLarge',
        message: error.message,
        requestLine,
        started,
        route,
      });
    }
    let classified = classifyNetworkError(error);
    if (classified.kind === 'reset' && url.protocol === 'http:' && (await looksLikeTlsPort(url))) {
      classified = { ...classified, kind: 'tlsPort' };
    }
    const message = `${describeKind(classified.kind)}: ${classified.detail}`;
    throw networkError(transport, { ...classified, message, requestLine, started, route });
  } finally {
    clearTimeout(timer);
    unlink();
  }
}

function redirectError(
  transport: Transport,
  from: URL,
  status: number,
  location: string,
  requestLine: string,
  started: number,
  route: string,
): ScimNetworkError {
  let target: URL | undefined;
  try {
    target = new URL(location, from);
  } catch {
    target = undefined;
  }
  const crossOrigin = !target || target.origin !== from.origin;
  const shown = target ? `${target.origin}${target.pathname}` : location;
  const message = `HTTP ${status} redirect to ${shown}${crossOrigin ? ' (another origin)' : ''}; not followed, so the API key was not sent there`;
  return networkError(transport, {
    kind: 'redirect',
    status,
    location: shown,
    crossOrigin,
    message,
    requestLine,
    started,
    route,
  });
}

type ErrorParts = Omit<NetworkErrorInfo, 'durationMs' | 'message'> & { message?: string; started: number };

function networkError(transport: Transport, parts: ErrorParts): ScimNetworkError {
  const { started, message, ...rest } = parts;
  const info: NetworkErrorInfo = {
    ...rest,
    message: redactSecret(message ?? describeKind(parts.kind), transport.secrets),
    durationMs: elapsed(started),
  };
  for (const key of Object.keys(info) as Array<keyof NetworkErrorInfo>) {
    if (info[key] === undefined) delete info[key];
  }
  return new ScimNetworkError(info);
}

/** Lower-case names; cookies hidden; every value redacted, since a server may echo the key in any header. */
function flattenHeaders(
  raw: Record<string, string | string[] | undefined>,
  secrets: readonly string[],
): Record<string, string> {
  const headers: Record<string, string> = {};
  let all = '';
  for (const name of Object.keys(raw)) {
    const value = raw[name];
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    const joined = Array.isArray(value) ? value.join(', ') : value;
    const shown = lower === 'set-cookie' ? '[redacted]' : joined;
    headers[lower] = shown;
    all += `${lower}\n${shown}\n`;
  }
  // One redaction pass over all names and values: when it finds nothing, no single one holds a form of the
  // secret (a match in one is a match in the whole), so the per-header passes below are skipped.
  if (redactSecret(all, secrets) === all) return headers;
  const redacted: Record<string, string> = {};
  for (const [lower, value] of Object.entries(headers)) {
    redacted[redactSecret(lower, secrets)] = lower === 'set-cookie' ? value : redactSecret(value, secrets);
  }
  return redacted;
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
