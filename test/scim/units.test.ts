import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyNetworkError } from '../../main/scim/errors';
import { parsePacResult } from '../../main/scim/proxy';
import { redactSecret, redactUrlCredentials } from '../../main/scim/redact';
import { parseRetryAfter, retryDelayMs } from '../../main/scim/retry';
import { buildTrustSettings } from '../../main/scim/trust';
import { isLoopbackHost } from '../../shared/connection/validation';

describe('parsePacResult (Chromium’s resolveProxy format)', () => {
  it.each([
    ['DIRECT', { kind: 'direct' }],
    ['', { kind: 'direct' }],
    ['PROXY proxy.corp:8080; DIRECT', { kind: 'proxy', uri: 'http://proxy.corp:8080' }],
    ['HTTPS secure.corp:443', { kind: 'proxy', uri: 'https://secure.corp:443' }],
    ['SOCKS5 socks.corp:1080', { kind: 'proxy', uri: 'socks5://socks.corp:1080' }],
    ['  proxy  10.0.0.1:3128 ', { kind: 'proxy', uri: 'http://10.0.0.1:3128' }],
  ])('%j', (pac, choice) => {
    expect(parsePacResult(pac).choice).toEqual(choice);
  });

  it('skips entries undici cannot use and says so', () => {
    expect(parsePacResult('SOCKS old.corp:1080; PROXY p.corp:80')).toEqual({
      choice: { kind: 'proxy', uri: 'http://p.corp:80' },
      ignored: ['SOCKS old.corp:1080'],
    });
    expect(parsePacResult('SOCKS4 a:1').choice).toEqual({ kind: 'direct' });
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string(), (pac) => ['direct', 'proxy'].includes(parsePacResult(pac).choice.kind)),
    );
  });
});

describe('classifyNetworkError', () => {
  const withCause = (code: string) =>
    Object.assign(new Error('fetch failed'), { cause: Object.assign(new Error('inner'), { code }) });
  it.each([
    ['ENOTFOUND', 'dns'],
    ['EAI_AGAIN', 'dns'],
    ['ECONNREFUSED', 'refused'],
    ['ECONNRESET', 'reset'],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls'],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'certHostname'],
    ['CERT_HAS_EXPIRED', 'certExpired'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'plainHttpPort'],
    ['UND_ERR_HEADERS_OVERFLOW', 'headersTooLarge'],
    ['EHOSTUNREACH', 'network'],
  ])('%s → %s, also through a cause chain', (code, kind) => {
    expect(classifyNetworkError(withCause(code)).kind).toBe(kind);
  });
  it('recognises a refused proxy tunnel', () => {
    expect(classifyNetworkError(new Error('Proxy response (407) !== 200 when HTTP Tunneling')).kind).toBe(
      'proxy',
    );
  });
});

describe('retry policy', () => {
  const options = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 5000 };
  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(new Date(Date.now() + 10_000).toUTCString(), Date.now())).toBeGreaterThan(8000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
  it('retries only idempotent requests, 429 and transient 5xx, within the attempt budget', () => {
    expect(retryDelayMs(429, '2', 1, true, options)).toBe(2000);
    expect(retryDelayMs(429, '2', 1, false, options)).toBeUndefined();
    expect(retryDelayMs(429, '60', 1, true, options)).toBeUndefined();
    expect(retryDelayMs(503, undefined, 3, true, options)).toBeUndefined();
    expect(retryDelayMs(400, undefined, 1, true, options)).toBeUndefined();
    expect(retryDelayMs(501, undefined, 1, true, options)).toBeUndefined();
  });
  it('backs off exponentially with jitter, capped', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (attempt, random) => {
          const delay = retryDelayMs(500, undefined, attempt, true, options, () => random) as number;
          const full = 100 * 2 ** (attempt - 1);
          return delay >= full / 2 && delay <= Math.min(full, 5000);
        },
      ),
    );
  });
});

describe('redaction and URLs', () => {
  it('removes the token and any bearer value', () => {
    expect(redactSecret('x abcdefghij y Bearer zzzzzzzzzzzz', ['abcdefghij'])).toBe(
      'x [redacted] y Bearer [redacted]',
    );
  });
  it('strips proxy credentials', () => {
    expect(redactUrlCredentials('http://user:pa55@proxy.corp:8080')).toBe('http://proxy.corp:8080');
  });
  it('knows loopback hosts', () => {
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]', '[::ffff:7f00:1]'])
      expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['example.com', '10.0.0.1', 'localhost.evil.com', 'app.localhost', '127.0.0.256'])
      expect(isLoopbackHost(host)).toBe(false);
  });
});

describe('trust settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jpa-trust-'));
  it('keeps Node’s defaults when there is nothing to add', () => {
    // System certificates exist only on newer Node; on Node 20 this is the untouched default.
    const settings = buildTrustSettings({ useSystemCa: false, env: {} });
    expect(settings).toEqual({ ca: undefined, sources: ['bundled'] });
  });
  it('adds a PEM file on top of the bundled roots', () => {
    const pem = tls.rootCertificates[0] as string;
    const file = join(dir, 'corp.pem');
    writeFileSync(file, `corporate root\n${pem}\n`);
    const settings = buildTrustSettings({ caFile: file, useSystemCa: false, env: {} });
    expect(settings.sources).toEqual(['bundled', 'file']);
    expect(settings.ca?.length).toBeGreaterThanOrEqual(tls.rootCertificates.length);
  });
  it('explains a file without certificates', () => {
    const file = join(dir, 'empty.pem');
    writeFileSync(file, 'nothing here');
    expect(() => buildTrustSettings({ caFile: file, env: {} })).toThrow(/no PEM certificate/);
    expect(() => buildTrustSettings({ caFile: join(dir, 'missing.pem'), env: {} })).toThrow(/Cannot read/);
  });
});
