import tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import {
  challengeSchemes,
  proxyAuthMessage,
  proxyHostPort,
  ProxyAuthRequiredError,
} from '../../main/network/proxy-auth';
import { describeTrustStore } from '../../main/network/trust-store';

describe('Proxy-Authenticate schemes', () => {
  it.each([
    ['Basic realm="Corp"', ['Basic']],
    [
      ['Negotiate', 'NTLM'],
      ['Negotiate', 'NTLM'],
    ],
    ['negotiate, ntlm, basic realm="x"', ['Negotiate', 'NTLM', 'Basic']],
    ['Digest realm="a", qop="auth", nonce="n1", Basic realm="a"', ['Digest', 'Basic']],
    ['Negotiate YIIBhgYGKwYBBQUCoIIBejCCAXag==', ['Negotiate']],
    [undefined, []],
  ])('%j → %j', (header, expected) => {
    expect(challengeSchemes(header as string | string[] | undefined)).toEqual(expected);
  });

  it('names the proxy host:port with its default port', () => {
    expect(proxyHostPort('http://user:pw@proxy.corp')).toBe('proxy.corp:80');
    expect(proxyHostPort('proxy.corp:3128')).toBe('proxy.corp:3128');
    expect(proxyHostPort('https://proxy.corp')).toBe('proxy.corp:443');
  });
});

describe('the 407 message', () => {
  const base = { proxy: 'proxy.corp:8080', credentialsSent: false };
  it('Node, Basic: enter the sign-in, or run the desktop app', () => {
    const text = proxyAuthMessage({ ...base, schemes: ['Basic'], stack: 'node' });
    expect(text).toContain(
      'The proxy proxy.corp:8080 asked for sign-in (HTTP 407, Proxy-Authenticate: Basic)',
    );
    expect(text).toContain('**Diagnostics > Network**');
    expect(text).toContain('desktop app');
  });
  it('Node, Negotiate only: the desktop app, no password form', () => {
    const text = proxyAuthMessage({ ...base, schemes: ['Negotiate'], stack: 'node' });
    expect(text).toContain('Run the desktop app');
    expect(text).not.toContain('Diagnostics > Network');
  });
  it('Node, credentials refused', () => {
    const text = new ProxyAuthRequiredError({
      ...base,
      credentialsSent: true,
      schemes: ['Basic'],
      stack: 'node',
    }).message;
    expect(text).toContain('refused the user name and password');
  });
  it('Chromium, NTLM: the OS sign-in was not accepted', () => {
    const text = proxyAuthMessage({ ...base, schemes: ['NTLM'], stack: 'chromium' });
    expect(text).toContain("operating system's sign-in was not accepted");
  });
});

describe('the trust store, in words', () => {
  it('desktop app: the computer’s store through Chromium', () => {
    expect(describeTrustStore({ transport: () => ({}) as never })).toContain('Chromium verifies');
  });
  it('Node without tls.getCACertificates: says so, with the version and what would help', () => {
    const text = describeTrustStore({ env: {} }, '20.20.2');
    if (typeof (tls as { getCACertificates?: unknown }).getCACertificates === 'function') {
      expect(text).toContain('this computer’s certificate store');
    } else {
      expect(text).toContain('Node 20.20.2 cannot read this computer’s certificate store');
      expect(text).toContain('--use-openssl-ca');
    }
  });
});
