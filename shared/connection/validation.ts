/**
 * Checks on what the admin pastes from Jostle's **Manage user provisioning** page. Shared so the form can
 * explain a problem as the admin types, and main refuses the same input whatever the transport.
 */

export const API_KEY_MIN_LENGTH = 16;
export const API_KEY_MAX_LENGTH = 2048;

export type Check = { ok: true; value: string } | { ok: false; message: string };

/** A literal loopback address: 127.0.0.0/8, ::1, or 127.x written as an IPv4-mapped IPv6 address. */
export function isLoopbackAddress(address: string): boolean {
  const host = address.toLowerCase().replace(/^\[|\]$/g, '');
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4) return v4[1] === '127' && v4.slice(2).every((octet) => Number(octet) <= 255);
  // The WHATWG URL parser writes ::ffff:127.0.0.1 as ::ffff:7f00:1 (any 127.x.x.x as ::ffff:7fxx:xxxx).
  return host === '::1' || /^(?:0{0,4}:){0,5}:?ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host);
}

/**
 * Host names that never leave this computer: plain HTTP, and writes without a typed confirmation, only here.
 * Only literal loopback addresses and `localhost` count; `*.localhost` does not (a resolver or hosts file
 * may send it anywhere). main/scim also checks at connect time that `localhost` resolves to loopback.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'localhost' || isLoopbackAddress(host);
}

/** A Base URL on this computer (Mock Jostle, or another local server): never a tenant Entra can reach. */
export function isLoopbackUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    return isLoopbackHost(new URL(url.trim()).hostname);
  } catch {
    return false;
  }
}

/**
 * Writes to a live tenant (write probes, dry runs) need the admin to type its host name first; loopback
 * targets (Mock Jostle) need no confirmation.
 */
export function writeConfirmed(baseUrl: string, confirmHost: string | undefined): boolean {
  let host: string;
  try {
    host = new URL(baseUrl.trim()).hostname;
  } catch {
    return false;
  }
  return isLoopbackHost(host) || (confirmHost ?? '').trim().toLowerCase() === host.toLowerCase();
}

/**
 * COMPAT "Use the flags in the tenant URL": Entra switches to its SCIM-compliant PATCH format when the Tenant
 * URL ends with `?aadOptscim062020`. It is the only query a Tenant URL may carry here.
 */
export const SCIM_COMPLIANT_FLAG = 'aadOptscim062020';

const isDialectFlag = (search: string): boolean =>
  search.toLowerCase() === `?${SCIM_COMPLIANT_FLAG.toLowerCase()}`;

/** The PATCH dialect a Tenant URL selects: the flagged one when it ends with ?aadOptscim062020. */
export function dialectOfTenantUrl(tenantUrl: string): 'default' | 'aadOptscim062020' {
  try {
    return isDialectFlag(new URL(tenantUrl.trim()).search) ? 'aadOptscim062020' : 'default';
  } catch {
    return 'default';
  }
}

/**
 * Normalises a Base URL: trims surrounding blanks and a trailing slash. Plain http is accepted only for
 * loopback addresses, which is where the built-in mock Jostle runs. A trailing ?aadOptscim062020 is kept.
 */
export function checkBaseUrl(input: string): Check {
  const trimmed = input.trim();
  if (trimmed === '')
    return { ok: false, message: 'Paste the Base URL from Jostle’s Manage user provisioning page.' };
  if (/\s/.test(trimmed)) return { ok: false, message: 'The Base URL contains a space or line break.' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, message: 'That is not a URL. It should look like https://…/scim2.' };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    return { ok: false, message: 'The Base URL must start with https://.' };
  }
  if (url.username || url.password)
    return { ok: false, message: 'Remove the user name or password from the URL.' };
  if (url.hash || (url.search && !isDialectFlag(url.search)))
    return {
      ok: false,
      message: `Remove everything after ? or # from the Base URL (only ?${SCIM_COMPLIANT_FLAG} may stay).`,
    };
  const search = url.search ? `?${SCIM_COMPLIANT_FLAG}` : '';
  url.search = '';
  return { ok: true, value: `${url.toString().replace(/\/+$/, '')}${search}` };
}

/**
 * Checks a pasted API key. Blanks and line breaks around it are removed, as around the Base URL (a copy from
 * a web page often brings a trailing space or newline); a blank inside the key is refused, because a key
 * never has one and the paste then holds something else as well.
 */
export function checkApiKey(input: string): Check {
  const trimmed = input.trim();
  const problem = apiKeyProblem(trimmed);
  return problem ? { ok: false, message: problem } : { ok: true, value: trimmed };
}

function apiKeyProblem(input: string): string | null {
  if (input.length === 0) return 'Paste the API key Jostle showed when you added it.';
  if (/^bearer\b/i.test(input)) return 'Paste only the key, without the word “Bearer”.';
  if (/[\r\n]/.test(input)) return 'The API key contains a line break. Copy it again as one line.';
  if (/\s/.test(input)) return 'The API key contains a space. Copy it again without spaces.';
  if (input.length < API_KEY_MIN_LENGTH) {
    return `That is too short for a Jostle API key (at least ${API_KEY_MIN_LENGTH} characters).`;
  }
  if (input.length > API_KEY_MAX_LENGTH) return 'That is far too long for a Jostle API key.';
  if (/[^\x21-\x7e]/.test(input)) return 'The API key contains characters a key never has.';
  return null;
}
