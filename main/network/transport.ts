/**
 * One way out for every HTTP request to Jostle and Microsoft Graph, with two implementations: undici in the
 * Node modes (CLI, browser mode, tests; transport-undici.ts) and Chromium's network stack through Electron's
 * `net.fetch` in the desktop app (transport-chromium.ts). The SCIM and Graph clients sit on top of this
 * interface, so evidence, redaction, timeouts, body limits and redirect refusal are written once.
 */
import type { Readable } from 'node:stream';
import type { ProxyCredentials } from './proxy-auth';
import type { ProxySignIn } from './proxy-sign-in';

// Kept free of imports from main/scim, which imports this file's types (no cycles, even type-only ones).

/** Certificate stores TLS verification can trust (main/scim/trust.ts builds the Node list). */
export type CaSource = 'bundled' | 'system' | 'NODE_EXTRA_CA_CERTS' | 'file';

/** Chromium's PAC-result string for a URL, e.g. `PROXY proxy.corp:8080; DIRECT` (main/scim/types.ts). */
export type ResolveProxy = (url: string) => Promise<string>;

export interface TransportRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** Aborts the request and its body; the caller's per-phase deadlines use it. */
  signal: AbortSignal;
  /**
   * Stops the caller's response deadline while the admin is asked for a proxy sign-in (a person typing is
   * not a slow server); call the function it returns to start the deadline again, in full.
   */
  holdDeadline?: () => () => void;
  /**
   * When the caller's request began, on the sign-in broker's clock, if it waited before `send` (the Graph
   * client waits for a token, which may itself have asked for the proxy sign-in): a prompt that closed
   * while it waited then answers it too (SignInRequest.sentAt). Default: when `send` was called.
   */
  sentAt?: number;
}

export interface TransportResponse {
  status: number;
  /** Raw response headers (names in any case); the client flattens and redacts them. */
  headers: Record<string, string | string[] | undefined>;
  /** The body as a stream, so the client can stop reading at its size limit. */
  body: Readable;
}

export interface HttpTransport {
  /** `node`: undici; `chromium`: Electron's net (PAC/WPAD, Negotiate/NTLM, the OS trust store). */
  readonly stack: 'node' | 'chromium';
  /** Which certificate stores TLS verification trusts. */
  readonly trustSources: readonly CaSource[];
  /** The path a request to `url` takes, for evidence: `direct`, `proxy http://host:port (…)`; never credentials. */
  describeRoute(url: URL): Promise<string>;
  /**
   * Sends once, never following redirects. Resolves with any HTTP answer of the server; rejects when there is
   * none, with ProxyAuthRequiredError (proxy-auth.ts) when a proxy on the way asked for credentials.
   */
  send(request: TransportRequest): Promise<TransportResponse>;
  /** Tears down every connection. */
  close(): Promise<void>;
}

export interface TransportSettings {
  connectMs: number;
  /** undici's own header/body timers; the clients keep their own deadlines on top. */
  headersMs: number;
  bodyMs: number;
  caFile?: string;
  useSystemCa?: boolean;
  resolveProxy?: ResolveProxy;
  env: NodeJS.ProcessEnv;
  /** Basic credentials the admin saved for a proxy (kept in the keychain; see proxy-credentials.ts). */
  proxyCredentials?: ProxyCredentials;
  /** The window's sign-in prompt (proxy-sign-in.ts); absent in the CLI, which keeps flags and env. */
  signIn?: ProxySignIn;
}

/** What the entry point injects to replace the default undici transport (the desktop app: Chromium's). */
export type HttpTransportFactory = (settings: TransportSettings) => HttpTransport;
