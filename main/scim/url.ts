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

/** Path characters that parse the same in a whole URL as through the pathname setter (no ? # \\ or spaces). */
const PLAIN_PATH = /^[A-Za-z0-9\-._~%!$&'()*+,;=:@/]*$/;

/** Joins a SCIM path and query onto the Base URL; the query uses `+` for spaces as Entra's requests do. */
export function buildRequestUrl(base: URL, path: string, query?: Record<string, string | number>): URL {
  const suffix = path.startsWith('/') ? path : `/${path}`;
  const pathname = `${base.pathname.replace(/\/$/, '')}${suffix}`;
  let search = '';
  if (query) {
    const pairs = Object.entries(query);
    if (pairs.length > 0) {
      search = new URLSearchParams(
        pairs.map(([key, value]): [string, string] => [key, String(value)]),
      ).toString();
    }
  }
  // One parse of the whole address instead of a copy and two setters (the dry run sends 200,000 requests):
  // only when the result is the same, that is a Base URL with nothing but scheme, host and path, and a
  // path with no character the pathname setter would encode differently.
  if (
    base.username === '' &&
    base.password === '' &&
    base.search === '' &&
    base.hash === '' &&
    PLAIN_PATH.test(pathname)
  ) {
    return new URL(`${base.protocol}//${base.host}${pathname}${search === '' ? '' : `?${search}`}`);
  }
  const url = new URL(base.href);
  url.pathname = pathname;
  if (search !== '') url.search = search;
  return url;
}
