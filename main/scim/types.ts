/**
 * Public types of the SCIM HTTP client. Everything a caller gets back is plain, JSON-serialisable data so the
 * probe engine and the dry run can hand results straight to the renderer or an export.
 */

import type { ProxySignIn } from '../network/proxy-sign-in';
import type { ProxyCredentials } from '../network/proxy-auth';
import type { HttpTransportFactory } from '../network/transport';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ScimTimeouts {
  /** TCP connect plus TLS handshake. */
  connectMs: number;
  /** From sending the request until the response headers have arrived (connect included). */
  headersMs: number;
  /** From the response headers until the whole body has arrived: a total, not an idle timeout. */
  bodyMs: number;
}

export interface RetryOptions {
  /** Attempts in total, the first one included. 1 disables retries. */
  maxAttempts: number;
  /** First backoff delay; doubles per attempt, with jitter. */
  baseDelayMs: number;
  /** Cap on any single wait, whether from backoff or from a server's Retry-After. */
  maxDelayMs: number;
}

/**
 * Resolves the proxy for a URL in Chromium's PAC-result format, e.g. `"PROXY proxy.corp:8080; DIRECT"`.
 * The Electron glue passes `(url) => session.defaultSession.resolveProxy(url)`.
 */
export type ResolveProxy = (url: string) => Promise<string>;

export interface ScimClientOptions {
  /** The window's proxy sign-in prompt (main/network/proxy-sign-in.ts); absent in the CLI. */
  signIn?: ProxySignIn;
  /** The tenant's SCIM Base URL, e.g. `https://api-prod.jostle.us/scim2`. HTTPS unless loopback. */
  baseUrl: string;
  /** Sent only as `Authorization: Bearer …`; never logged, never returned. */
  token: string;
  timeouts?: Partial<ScimTimeouts>;
  /** Responses larger than this are cut off while streaming (default 5 MiB). */
  maxBodyBytes?: number;
  /** Characters of response text kept in results (default 4096). */
  maxTextChars?: number;
  /** A PEM file with extra CA certificates, e.g. the corporate TLS-inspection root. */
  caFile?: string;
  /** Trust the OS certificate store where the runtime exposes it (default true). */
  useSystemCa?: boolean;
  resolveProxy?: ResolveProxy;
  retry?: Partial<RetryOptions>;
  /** Where HTTPS_PROXY / HTTP_PROXY / NO_PROXY are read from (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** How requests go out: default undici (Node modes); the desktop app injects Chromium's (main/network). */
  transport?: HttpTransportFactory;
  /** Basic credentials for one proxy, from the keychain (Node modes). */
  proxyCredentials?: ProxyCredentials;
}

export interface ScimRequest {
  method: HttpMethod;
  /** Relative to the Base URL, e.g. `/Users` or `/Users/abc`. */
  path: string;
  /** Encoded with URLSearchParams, so spaces become `+` and quotes `%22` exactly as Entra sends them. */
  query?: Record<string, string | number>;
  /** JSON-encoded and sent as `application/scim+json`. */
  body?: unknown;
  /** `body` already JSON-encoded, sent as it is: a caller that needs the text too encodes it once. */
  bodyText?: string;
  /** Whether a retry after 429 or 5xx is safe. Defaults to true for GET, PUT and DELETE. */
  idempotent?: boolean;
  signal?: AbortSignal;
  /**
   * False sends no User-Agent, as Entra's Test Connection was seen to do (3P-KORTIX): requests that imitate
   * Entra use it so a proxy that refuses UA-less requests fails here as it would for Entra. Default true.
   */
  userAgent?: boolean;
}

export interface ScimResponse {
  status: number;
  /** Response headers, lower-case names; cookies are redacted. */
  headers: Record<string, string>;
  contentType: string | undefined;
  /** Parsed JSON, or undefined when the body is empty or not JSON. */
  body: unknown;
  /** The body as text, truncated to `maxTextChars`, with the token redacted. */
  text: string;
  textTruncated: boolean;
  bytes: number;
  durationMs: number;
  /** e.g. `GET https://host/scim2/Users?filter=…` (the URL never carries the token). */
  requestLine: string;
  attempts: number;
  /** How the request travelled: `direct`, or the proxy used. */
  route: string;
  /** Why `body` is undefined although the server sent something that should have been JSON. */
  bodyProblem?: BodyProblem;
}

export interface BodyProblem {
  kind: 'invalidJson' | 'tooDeep' | 'encoded';
  message: string;
}

export type NetworkErrorKind =
  | 'invalidUrl'
  | 'insecureUrl'
  | 'dns'
  | 'refused'
  | 'reset'
  | 'timeout'
  | 'tls'
  | 'proxy'
  | 'tooLarge'
  | 'redirect'
  | 'aborted'
  | 'certExpired'
  | 'certHostname'
  | 'plainHttpPort'
  | 'tlsPort'
  | 'notHttp'
  | 'headersTooLarge'
  | 'network';

export interface NetworkErrorInfo {
  kind: NetworkErrorKind;
  /** Human-readable, token-free. */
  message: string;
  requestLine: string;
  durationMs: number;
  route: string;
  /** The Node/undici/OpenSSL error code when there was one, e.g. `ENOTFOUND` or `DEPTH_ZERO_SELF_SIGNED_CERT`. */
  code?: string;
  /** For timeouts: which budget ran out. */
  phase?: 'connect' | 'headers' | 'body';
  /** For redirects. */
  status?: number;
  location?: string;
  crossOrigin?: boolean;
}
