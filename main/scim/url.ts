import { dialectOfTenantUrl, isLoopbackHost } from '../../shared/connection/validation';
import { ScimConfigError } from './errors';
import { redactUrlSecrets } from './redact';

/**
 * Parses and checks a SCIM Base URL: http(s) only, HTTPS unless loopback, no credentials, query or fragment
 * (except Entra's ?aadOptscim062020 flag, which selects a PATCH format and is not part of the address).
 * Returns it without a trailing slash or the flag so paths join predictably.
 */
export function parseBaseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ScimConfigError(
      `“${redactUrlSecrets(raw)}” is not a URL. Paste the Base URL from Jostle, starting with https://`,
      'invalidUrl',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ScimConfigError(`The Base URL must start with https:// (got ${url.protocol})`, 'invalidUrl');
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new ScimConfigError(
      'The Base URL must use https:// — the API key would otherwise travel unencrypted',
      'insecureUrl',
    );
  }
  if (url.username || url.password) {
    throw new ScimConfigError('The Base URL must not contain a user name or password', 'invalidUrl');
  }
  if (url.search && dialectOfTenantUrl(url.href) === 'aadOptscim062020') url.search = '';
  if (url.search || url.hash) {
    throw new ScimConfigError('The Base URL must not contain ?query or #fragment parts', 'invalidUrl');
  }
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

/** Joins a SCIM path and query onto the Base URL; the query uses `+` for spaces as Entra's requests do. */
export function buildRequestUrl(base: URL, path: string, query?: Record<string, string | number>): URL {
  const url = new URL(base.href);
  const suffix = path.startsWith('/') ? path : `/${path}`;
  url.pathname = `${base.pathname.replace(/\/$/, '')}${suffix}`;
  if (query && Object.keys(query).length > 0) {
    url.search = new URLSearchParams(
      Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]),
    ).toString();
  }
  return url;
}
