import type { NetworkErrorInfo, NetworkErrorKind } from './types';

/** A request that produced no usable HTTP response. `info` is plain data, safe to show and export. */
export class ScimNetworkError extends Error {
  override name = 'ScimNetworkError';
  readonly kind: NetworkErrorKind;
  constructor(readonly info: NetworkErrorInfo) {
    super(info.message);
    this.kind = info.kind;
  }
  toJSON(): NetworkErrorInfo {
    return this.info;
  }
}

/** Bad client settings (unreadable CA file, malformed Base URL); raised before any traffic. */
export class ScimConfigError extends Error {
  override name = 'ScimConfigError';
  constructor(
    message: string,
    readonly kind: 'invalidUrl' | 'insecureUrl' | 'caFile',
  ) {
    super(message);
  }
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

export interface Classified {
  kind: NetworkErrorKind;
  code?: string;
  phase?: 'connect';
  detail: string;
}

/** Walks an error and its causes and names the failure the way an admin can act on it. */
export function classifyNetworkError(error: unknown): Classified {
  const chain: Array<{ code?: string; message: string; name?: string }> = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth += 1) {
    const candidate = current as { code?: unknown; message?: unknown; name?: unknown; cause?: unknown };
    chain.push({
      code: typeof candidate.code === 'string' ? candidate.code : undefined,
      message: typeof candidate.message === 'string' ? candidate.message : String(current),
      name: typeof candidate.name === 'string' ? candidate.name : undefined,
    });
    current = candidate.cause;
  }
  const codes = chain.map((entry) => entry.code).filter((code): code is string => Boolean(code));
  const detail = chain
    .map((entry) => (entry.code ? `${entry.code}: ${entry.message}` : entry.message))
    .join(' ← ');
  const has = (...wanted: string[]): string | undefined => codes.find((code) => wanted.includes(code));

  let code = has('ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL');
  if (code) return { kind: 'dns', code, detail };
  code = has('UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT');
  if (code) return { kind: 'timeout', code, phase: 'connect', detail };
  code = has('CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID');
  if (code) return { kind: 'certExpired', code, detail };
  code = has('ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH');
  if (code) return { kind: 'certHostname', code, detail };
  // https:// to a port that speaks plain HTTP: OpenSSL reads "HTTP/1.1 400" as a TLS record header.
  code = has('ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ERR_SSL_HTTP_REQUEST');
  if (code || /wrong version number|packet length too long/i.test(detail))
    return { kind: 'plainHttpPort', code: code ?? codes[0], detail };
  code = has('UND_ERR_HEADERS_OVERFLOW', 'HPE_HEADER_OVERFLOW');
  if (code) return { kind: 'headersTooLarge', code, detail };
  if (
    chain.some((entry) => entry.name === 'HTTPParserError') ||
    codes.some((candidate) => candidate.startsWith('HPE_')) ||
    /does not match the HTTP\/1\.1 protocol/i.test(detail)
  ) {
    return { kind: 'notHttp', code: codes.find((candidate) => candidate.startsWith('HPE_')), detail };
  }
  code = codes.find(
    (candidate) =>
      TLS_CODES.has(candidate) || candidate.startsWith('ERR_SSL_') || candidate.startsWith('ERR_TLS_'),
  );
  if (code) return { kind: 'tls', code, detail };
  if (chain.some((entry) => /Proxy response \(\d+\)|proxy/i.test(entry.message))) {
    return { kind: 'proxy', code: codes[0], detail };
  }
  code = has('ECONNREFUSED');
  if (code) return { kind: 'refused', code, detail };
  code = has('ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED');
  if (code) return { kind: 'reset', code, detail };
  code = has('EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN');
  if (code) return { kind: 'network', code, detail };
  return { kind: 'network', code: codes[0], detail };
}

const KIND_MESSAGES: Record<NetworkErrorKind, string> = {
  invalidUrl: 'The URL is not valid',
  insecureUrl: 'The URL must use https:// (plain http is allowed only for this computer)',
  dns: 'The host name could not be resolved',
  refused: 'The server refused the connection',
  reset: 'The connection was closed before a complete answer arrived',
  timeout: 'No answer in time',
  tls: 'The server’s certificate could not be verified',
  proxy: 'The proxy refused or failed the connection',
  tooLarge: 'The response was larger than the size limit',
  redirect: 'The server answered with a redirect, which is not followed',
  aborted: 'The request was cancelled',
  certExpired: 'The server’s certificate has expired (or is not valid yet)',
  certHostname: 'The server’s certificate is for a different host name than the one in the Base URL',
  plainHttpPort: 'This address answers plain HTTP, not HTTPS: https:// was sent to a port without TLS',
  tlsPort: 'This port speaks TLS: use https:// instead of http://',
  notHttp: 'The server at this address does not speak HTTP (it sent something else)',
  headersTooLarge: 'The server sent response headers far larger than any real server does',
  network: 'The request failed on the network',
};

export function describeKind(kind: NetworkErrorKind): string {
  return KIND_MESSAGES[kind];
}
