import { Agent, EnvHttpProxyAgent, ProxyAgent, type Dispatcher } from 'undici';
import { redactUrlCredentials } from './redact';
import type { ResolveProxy } from './types';
import { isLoopbackHost } from '../../shared/connection/validation';
import { basicAuthorization, proxyHostPort, type ProxyCredentials } from '../network/proxy-auth';

/** One entry of a PAC result. */
export type ProxyChoice = { kind: 'direct' } | { kind: 'proxy'; uri: string };

export interface ParsedPac {
  /** The first entry undici can use; failover to later entries is not attempted. */
  choice: ProxyChoice;
  /** Entries skipped because undici cannot speak them (SOCKS4, QUIC). */
  ignored: string[];
}

const SCHEMES: Record<string, string> = { PROXY: 'http', HTTP: 'http', HTTPS: 'https', SOCKS5: 'socks5' };

/**
 * Parses Chromium's PAC-result string (what `session.resolveProxy` returns): entries separated by `;`, each
 * `DIRECT` or `<TYPE> host:port`. An empty string means DIRECT.
 */
export function parsePacResult(pac: string): ParsedPac {
  const ignored: string[] = [];
  for (const rawEntry of pac.split(';')) {
    const entry = rawEntry.trim();
    if (!entry) continue;
    const [type = '', hostPort] = entry.split(/\s+/, 2);
    const upper = type.toUpperCase();
    if (upper === 'DIRECT') return { choice: { kind: 'direct' }, ignored };
    const scheme = SCHEMES[upper];
    if (scheme && hostPort && /^[^\s/]+:\d+$/.test(hostPort)) {
      return { choice: { kind: 'proxy', uri: `${scheme}://${hostPort}` }, ignored };
    }
    // "SOCKS" in a PAC result means SOCKS4, which undici does not implement.
    ignored.push(entry);
  }
  return { choice: { kind: 'direct' }, ignored };
}

export interface DispatcherSettings {
  connectTimeoutMs: number;
  /** undici's own timers, set a little behind the client's per-phase timers as a safety net. */
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  ca: string[] | undefined;
}

export interface Route {
  dispatcher: Dispatcher;
  /** Shown in evidence: `direct`, `proxy http://host:port (system settings)`… never with credentials. */
  description: string;
  /** The proxy's URL when one is used (may hold credentials: never show it; see description). */
  proxyUri?: string;
  /** Whether Proxy-Authorization is sent to that proxy. */
  credentialsSent?: boolean;
}

/** Picks and caches the undici dispatcher per route: system/PAC hook first, then environment, then direct. */
export class ProxyRouter {
  private readonly dispatchers = new Map<string, Dispatcher>();
  private readonly pacByOrigin = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly settings: DispatcherSettings,
    private readonly resolveProxy: ResolveProxy | undefined,
    private readonly env: NodeJS.ProcessEnv,
    /** Basic credentials the admin saved for one proxy; sent to that proxy only. */
    private readonly credentials?: ProxyCredentials,
  ) {}

  async routeFor(url: URL): Promise<Route> {
    if (this.resolveProxy) {
      // The hook reflects the OS settings including their bypass list, so it is honoured even for loopback.
      const pac = await this.askHook(this.resolveProxy, url);
      if (pac !== undefined) {
        const { choice, ignored } = parsePacResult(pac);
        const note = ignored.length > 0 ? `; ignored unsupported ${ignored.join(', ')}` : '';
        if (choice.kind === 'direct')
          return { dispatcher: this.direct(), description: `direct (system settings${note})` };
        return {
          dispatcher: this.proxy(choice.uri),
          description: `proxy ${choice.uri} (system settings${note})`,
          proxyUri: choice.uri,
          credentialsSent: this.tokenFor(choice.uri) !== undefined,
        };
      }
    }
    const env = this.proxyEnv();
    if (isLoopbackHost(url.hostname) || (!env.httpsProxy && !env.httpProxy)) {
      return { dispatcher: this.direct(), description: 'direct' };
    }
    const proxy = url.protocol === 'https:' ? env.httpsProxy || env.httpProxy : env.httpProxy;
    const token = this.tokenFor(proxy);
    return {
      dispatcher: this.cached(
        'env',
        () => new EnvHttpProxyAgent({ ...this.agentOptions(), ...env, ...(token ? { token } : {}) }),
      ),
      description: `proxy ${redactUrlCredentials(proxy)} (HTTPS_PROXY/HTTP_PROXY, unless NO_PROXY matches)`,
      proxyUri: proxy.includes('://') ? proxy : `http://${proxy}`,
      credentialsSent: token !== undefined || hasUrlCredentials(proxy),
    };
  }

  /**
   * The hook's answer, cached per origin (PAC results rarely differ by path), or undefined when it throws or
   * takes longer than the connect timeout: a stuck hook must not turn into a hang.
   */
  private askHook(hook: ResolveProxy, url: URL): Promise<string | undefined> {
    let pending = this.pacByOrigin.get(url.origin);
    if (!pending) {
      let timer: NodeJS.Timeout | undefined;
      const giveUp = new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), this.settings.connectTimeoutMs);
      });
      pending = Promise.race([hook(url.href).catch(() => undefined), giveUp]).finally(() =>
        clearTimeout(timer),
      );
      this.pacByOrigin.set(url.origin, pending);
    }
    return pending;
  }

  async close(): Promise<void> {
    const all = [...this.dispatchers.values()];
    this.dispatchers.clear();
    // destroy, not close: a hostile server may hold a socket open forever.
    await Promise.allSettled(all.map((dispatcher) => dispatcher.destroy()));
  }

  private proxyEnv(): { httpProxy: string; httpsProxy: string; noProxy: string } {
    // Passed explicitly (empty when unset) so EnvHttpProxyAgent never falls back to a different process.env.
    return {
      httpProxy: this.env.http_proxy ?? this.env.HTTP_PROXY ?? '',
      httpsProxy: this.env.https_proxy ?? this.env.HTTPS_PROXY ?? '',
      noProxy: this.env.no_proxy ?? this.env.NO_PROXY ?? '',
    };
  }

  private agentOptions() {
    const tlsOptions = {
      timeout: this.settings.connectTimeoutMs,
      ...(this.settings.ca ? { ca: this.settings.ca } : {}),
    };
    return {
      connect: tlsOptions,
      // Through a proxy the target's TLS settings travel as requestTls; the proxy hop keeps Node's defaults
      // plus our CAs, since a TLS-inspecting proxy presents the corporate certificate on both.
      requestTls: tlsOptions,
      proxyTls: tlsOptions,
      headersTimeout: this.settings.headersTimeoutMs,
      bodyTimeout: this.settings.bodyTimeoutMs,
    };
  }

  private direct(): Dispatcher {
    return this.cached('direct', () => new Agent(this.agentOptions()));
  }

  private proxy(uri: string): Dispatcher {
    const token = this.tokenFor(uri);
    return this.cached(
      `proxy:${uri}`,
      () => new ProxyAgent({ ...this.agentOptions(), uri, ...(token ? { token } : {}) }),
    );
  }

  /** Saved credentials go to the proxy they were saved for, and only when its URL carries none itself. */
  private tokenFor(uri: string): string | undefined {
    if (!this.credentials || hasUrlCredentials(uri)) return undefined;
    try {
      return proxyHostPort(uri) === this.credentials.proxy ? basicAuthorization(this.credentials) : undefined;
    } catch {
      return undefined;
    }
  }

  private cached(key: string, make: () => Dispatcher): Dispatcher {
    let dispatcher = this.dispatchers.get(key);
    if (!dispatcher) {
      dispatcher = make();
      this.dispatchers.set(key, dispatcher);
    }
    return dispatcher;
  }
}

function hasUrlCredentials(uri: string): boolean {
  try {
    const url = new URL(uri.includes('://') ? uri : `http://${uri}`);
    return Boolean(url.username || url.password);
  } catch {
    return false;
  }
}
