/**
 * A small Microsoft Graph client. It goes out the same way the SCIM client does (main/network: Chromium's
 * stack in the desktop app, undici with the system or environment proxy and the admin's extra trusted
 * certificates elsewhere, and the window's proxy sign-in prompt), follows @odata.nextLink, and honours
 * 429 + Retry-After up to a bound. Why not the Graph SDK: it is not installed, and we call a dozen
 * endpoints whose shapes we pin in the tests anyway.
 */
import { transportFor, type ClientSettings } from '../network/client-settings';
import { pausableDeadline } from '../network/pausable-deadline';
import { ProxyAuthRequiredError } from '../network/proxy-auth';
import type { HttpTransport } from '../network/transport';
import { BodyTooLargeError, readBodyCapped } from '../scim/read-body';
import { parseRetryAfter, sleep } from '../scim/retry';
import { USER_AGENT } from '../scim/user-agent';
import { GraphError, graphErrorFor } from './errors';
import type { GraphAction } from './permissions';

export type TokenProvider = (action: GraphAction) => Promise<string>;

export interface GraphRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  /** Path under /v1.0 (`/users`), or an absolute @odata.nextLink on the same host. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** For messages: which permission was needed, and what was asked for. */
  action: GraphAction;
  what: string;
  /** Statuses the caller handles itself instead of a thrown GraphError (e.g. 404 for "no job"). */
  allow?: number[];
}

export interface GraphResponse {
  status: number;
  text: string;
  json: unknown;
}

export interface GraphClientOptions {
  graphUrl: string;
  token: TokenProvider;
  /** A promise when the settings need a keychain read first (liveClientSettings); read on the first request. */
  network?: ClientSettings | Promise<ClientSettings>;
  /** How long Graph has to start answering one request; stopped while a proxy sign-in prompt is open. */
  responseMs?: number;
  /** Longest Retry-After we wait for; a longer one fails the call with a throttling message. */
  maxRetryWaitMs?: number;
  maxAttempts?: number;
  signal?: AbortSignal;
  /** Called before each wait for throttling, so the UI can say why nothing moves. */
  onThrottled?: (waitMs: number, what: string) => void;
}

export interface GraphClient {
  readonly graphUrl: string;
  request(request: GraphRequest): Promise<GraphResponse>;
  /** Every page of a collection, in order; `onPage` sees each page's raw text and running count. */
  pages(
    request: Omit<GraphRequest, 'method' | 'body'>,
    onPage?: (page: PageInfo) => void,
  ): Promise<unknown[]>;
  /**
   * The same pages, handed to `onPage` one by one and not kept (a 500,000-user /users is ~1 GB as parsed
   * objects); resolves with the number of items. An error thrown by `onPage` stops the paging.
   */
  eachPage(request: Omit<GraphRequest, 'method' | 'body'>, onPage: (page: PageInfo) => void): Promise<number>;
  close(): Promise<void>;
}

export interface PageInfo {
  text: string;
  items: unknown[];
  pageNumber: number;
  total: number;
}

const MAX_BODY_BYTES = 64 * 1024 * 1024;

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const base = new URL(options.graphUrl);
  // The same transport as the SCIM client, built on the first request (the settings may wait on the keychain).
  const network = Promise.resolve(options.network ?? {});
  network.catch(() => undefined); // A failed read surfaces on the first request, not as an unhandled rejection.
  let http: Promise<HttpTransport> | undefined;
  const transport = () =>
    (http ??= network.then((settings) =>
      transportFor(settings, { connectMs: 15_000, headersMs: 120_000, bodyMs: 120_000 }),
    ));
  const responseMs = options.responseMs ?? 120_000;
  const maxWait = options.maxRetryWaitMs ?? 120_000;
  const maxAttempts = options.maxAttempts ?? 6;

  function urlFor(path: string, query?: Record<string, string>): URL {
    // Absolute nextLinks are Graph's documented form; a path that already names the version is taken as is.
    const url = /^https?:\/\//.test(path)
      ? new URL(path)
      : new URL(/^\/(v1\.0|beta)\//.test(path) ? path : `/v1.0${path}`, base);
    // A nextLink is followed only on the Graph host: the bearer token never goes anywhere else.
    if (url.origin !== base.origin)
      throw new GraphError(
        'bad-request',
        `Graph pointed to another host (${url.origin}).`,
        'Nothing was sent there.',
      );
    for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
    return url;
  }

  async function send(request: GraphRequest): Promise<GraphResponse> {
    const url = urlFor(request.path, request.query);
    for (let attempt = 1; ; attempt += 1) {
      // Taken before the token: MSAL may ask for the proxy sign-in first, and that answer is this request's.
      const sentAt = await network.then(
        (settings) => settings.signIn?.clock(),
        () => undefined,
      );
      const token = await options.token(request.action);
      const deadline = pausableDeadline(responseMs, options.signal);
      let response;
      try {
        response = await (
          await transport()
        ).send({
          url,
          method: request.method,
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
            'user-agent': USER_AGENT,
            ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
          signal: deadline.signal,
          holdDeadline: deadline.hold,
          ...(sentAt === undefined ? {} : { sentAt }),
        });
      } catch (error) {
        throw networkFailure(error, base.host, request.what, deadline.expired() ? responseMs : undefined);
      } finally {
        // The deadline covers the wait for an answer; the body has undici's idle timer and the size cap.
        deadline.clear();
      }
      const declared = response.headers['content-length'];
      let text: string;
      try {
        const buffer = await readBodyCapped(
          response.body,
          MAX_BODY_BYTES,
          Array.isArray(declared) ? declared[0] : declared,
        );
        text = buffer.toString('utf8');
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        throw new GraphError(
          'server',
          `Graph sent an answer larger than 64 MB for ${request.what}.`,
          'Try again.',
        );
      }
      const status = response.status;
      if (status === 429 || status === 503) {
        const header = response.headers['retry-after'];
        const asked = parseRetryAfter(Array.isArray(header) ? header[0] : header);
        // Graph's throttling guidance: wait what Retry-After says; without it, back off exponentially.
        const wait = asked ?? Math.min(maxWait, 1000 * 2 ** (attempt - 1));
        if (attempt < maxAttempts && wait <= maxWait) {
          options.onThrottled?.(wait, request.what);
          await sleep(wait, options.signal);
          continue;
        }
      }
      if (status >= 200 && status < 300) return { status, text, json: text ? safeJson(text) : null };
      if (request.allow?.includes(status)) return { status, text, json: safeJson(text) };
      throw graphErrorFor(status, text, request.action, request.what);
    }
  }

  return {
    graphUrl: base.origin,
    request: send,
    async pages(request, onPage) {
      const all: unknown[] = [];
      await this.eachPage(request, (page) => {
        for (const item of page.items) all.push(item);
        onPage?.(page);
      });
      return all;
    },
    async eachPage(request, onPage) {
      let total = 0;
      const { query: firstQuery, ...rest } = request;
      let next: string | undefined = request.path;
      let query = firstQuery;
      for (let pageNumber = 1; next; pageNumber += 1) {
        const { json, text } = await send({
          ...rest,
          method: 'GET',
          path: next,
          ...(query ? { query } : {}),
        });
        const page = json as { value?: unknown; '@odata.nextLink'?: unknown };
        if (!page || !Array.isArray(page.value))
          throw new GraphError(
            'server',
            `Graph's answer for ${request.what} has no "value" list.`,
            'Try again.',
          );
        total += page.value.length;
        onPage({ text, items: page.value, pageNumber, total });
        next = typeof page['@odata.nextLink'] === 'string' ? page['@odata.nextLink'] : undefined;
        query = undefined; // The nextLink carries the query (and the skip token) itself.
      }
      return total;
    },
    close: async () => {
      if (http) await (await http).close();
    },
  };
}

function networkFailure(error: unknown, host: string, what: string, expiredMs?: number): GraphError {
  if (error instanceof ProxyAuthRequiredError)
    // The proxy's diagnosis (scheme, and whether the prompt was cancelled) is the whole story.
    return new GraphError('network', `Could not reach ${host} for ${what}.`, error.message);
  const reason =
    expiredMs === undefined ? (error as Error).message : `no answer within ${Math.round(expiredMs / 1000)} s`;
  return new GraphError(
    'network',
    `Could not reach ${host} for ${what}: ${reason}`,
    'Check the network settings under **Diagnostics > Network** (proxy, trusted certificates).',
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
