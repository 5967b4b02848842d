/**
 * One contract, run against both HTTP transports (main/network/transport.ts): undici in the Node modes
 * (transport-undici.test.ts) and Chromium's net.fetch in the desktop app, through the Electron stand-in
 * (test/electron/transport-chromium.test.ts). Real parts: the real mock Jostle behind a TLS front whose
 * certificate a throwaway "corporate" root signed, and a real forward proxy on loopback that demands sign-in.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMockJostle, type MockJostle } from '../../main/mock-jostle';
import type { ProxyCredentials } from '../../main/network/proxy-auth';
import { runProbes } from '../../main/probes';
import { createScimClient, ScimNetworkError, type ScimClientOptions } from '../../main/scim';
import { hugeBody, jsonAnswer, neverAnswers, redirectTo, startHttpServer } from '../scim/hostile-servers';
import { startForwardProxy, type ForwardProxy, type ProxyAuth } from '../support/forward-proxy';
import { makeTestPki, startTlsFront, type TestPki } from './pki';

/** A host name only the test proxy knows (it routes it to the TLS front on 127.0.0.1). */
export const TEST_HOST = 'jostle.test';
export const PROXY_USER = 'corp\\admin.user';
export const PROXY_PASSWORD = 'proxy-pa55word-9f8e7d6c';

export interface TransportUnderTest {
  name: string;
  stack: 'node' | 'chromium';
  /** Client options that send through `proxy` (null: direct), trusting `pki`'s root, with `credentials`. */
  options(setup: {
    proxy: ForwardProxy | null;
    pki: TestPki;
    credentials: ProxyCredentials | null;
  }): Partial<ScimClientOptions>;
  reset?(): void;
}

export function transportContract(under: TransportUnderTest): void {
  let pki: TestPki;
  let mock: MockJostle;
  let front: { port: number; close(): Promise<void> };
  const cleanups: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    pki = makeTestPki('JPA Contract Root', [TEST_HOST]);
    mock = await startMockJostle({ seedUsers: 2 });
    front = await startTlsFront(pki, new URL(mock.baseUrl).port ? Number(new URL(mock.baseUrl).port) : 80);
  });
  afterAll(async () => {
    await front.close();
    await mock.close();
    pki.cleanup();
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    under.reset?.();
  });

  const baseUrl = () => `https://${TEST_HOST}${new URL(mock.baseUrl).pathname}`;

  async function proxy(auth: ProxyAuth): Promise<ForwardProxy> {
    const started = await startForwardProxy({
      auth,
      route: (host, port) => (host === TEST_HOST ? { host: '127.0.0.1', port: front.port } : { host, port }),
    });
    cleanups.push(() => started.close());
    return started;
  }

  function probe(setup: Parameters<TransportUnderTest['options']>[0]) {
    return runProbes({
      baseUrl: baseUrl(),
      token: mock.token,
      clientOptions: {
        timeouts: { connectMs: 3000, headersMs: 5000, bodyMs: 5000 },
        retry: { maxAttempts: 1 },
        ...under.options(setup),
      },
    });
  }

  describe(`${under.name}: an authenticating proxy`, () => {
    it('with the Basic sign-in, the probes pass through the proxy, which never sees the Jostle key', async () => {
      const basic = await proxy({ scheme: 'Basic', username: PROXY_USER, password: PROXY_PASSWORD });
      const credentials = { proxy: basic.hostPort, username: PROXY_USER, password: PROXY_PASSWORD };
      const report = await probe({ proxy: basic, pki, credentials });
      const failing = report.probes.filter((result) => result.status === 'fail');
      expect(failing.map((result) => `${result.id}: ${result.summary}`)).toEqual([]);
      expect(report.ok).toBe(true);
      // Everything went through the tunnel to the host name only the proxy can resolve.
      const tunnels = basic.seen.filter((seen) => seen.answered === 200);
      expect(tunnels.length).toBeGreaterThan(0);
      expect(new Set(tunnels.map((seen) => seen.target))).toEqual(new Set([`${TEST_HOST}:443`]));
      // The proxy sees the tunnel's headers only: no Authorization, and the key nowhere.
      for (const seen of basic.seen) {
        expect(seen.headers.authorization).toBeUndefined();
        expect(JSON.stringify(seen)).not.toContain(mock.token);
      }
      // Evidence shows the route, never the proxy password or the Basic header value.
      const evidence = JSON.stringify(report);
      expect(evidence).not.toContain(PROXY_PASSWORD);
      expect(evidence).not.toContain(Buffer.from(`${PROXY_USER}:${PROXY_PASSWORD}`).toString('base64'));
      expect(evidence).not.toContain(mock.token);
    });

    it('without a sign-in, the message names the proxy, the Basic scheme and what to do', async () => {
      const basic = await proxy({ scheme: 'Basic', username: PROXY_USER, password: PROXY_PASSWORD });
      const error = await requestError({ ...under.options({ proxy: basic, pki, credentials: null }) });
      expect(error.kind).toBe('proxy');
      expect(error.message).toContain(`The proxy ${basic.hostPort}`);
      expect(error.message).toContain('HTTP 407');
      expect(error.message).toContain('Proxy-Authenticate: Basic');
      expect(error.message).toContain('Diagnostics > Network');
      expect(basic.seen.every((seen) => seen.headers.authorization === undefined)).toBe(true);
    });

    it('a wrong password is reported as refused, and the password is not in the message', async () => {
      const basic = await proxy({ scheme: 'Basic', username: PROXY_USER, password: PROXY_PASSWORD });
      const credentials = { proxy: basic.hostPort, username: PROXY_USER, password: 'wrong-password-123' };
      const error = await requestError(under.options({ proxy: basic, pki, credentials }));
      expect(error.message).toContain(
        under.stack === 'node' ? 'refused the user name and password' : 'when the assistant asks',
      );
      expect(JSON.stringify(error)).not.toContain('wrong-password-123');
    });

    it('a proxy that asks only for Negotiate/NTLM: named, with the advice that fits this stack', async () => {
      const negotiate = await proxy({ scheme: 'osOnly', offer: ['Negotiate', 'NTLM'] });
      const error = await requestError(under.options({ proxy: negotiate, pki, credentials: null }));
      expect(error.kind).toBe('proxy');
      expect(error.message).toContain(`The proxy ${negotiate.hostPort}`);
      expect(error.message).toContain('Negotiate or NTLM');
      expect(error.message).toContain(
        under.stack === 'node'
          ? 'Run the desktop app'
          : 'operating system’s sign-in was not accepted'.replace('’', "'"),
      );
    });

    it('saved credentials for another proxy are not sent to this one', async () => {
      const basic = await proxy({ scheme: 'Basic', username: PROXY_USER, password: PROXY_PASSWORD });
      const credentials = { proxy: '10.9.8.7:3128', username: PROXY_USER, password: PROXY_PASSWORD };
      await requestError(under.options({ proxy: basic, pki, credentials }));
      expect(basic.seen.length).toBeGreaterThan(0);
      for (const seen of basic.seen) expect(seen.headers['proxy-authorization']).toBeUndefined();
    });
  });

  describe(`${under.name}: the same client behaviour as the other transport`, () => {
    async function direct(
      handler: Parameters<typeof startHttpServer>[0],
      extra: Partial<ScimClientOptions> = {},
    ) {
      const server = await startHttpServer(handler);
      cleanups.push(() => server.close());
      const client = createScimClient({
        baseUrl: server.url,
        token: mock.token,
        timeouts: { connectMs: 1000, headersMs: 1000, bodyMs: 1000 },
        retry: { maxAttempts: 1 },
        ...under.options({ proxy: null, pki, credentials: null }),
        ...extra,
      });
      cleanups.push(() => client.close());
      return { server, client };
    }

    it('answers with status, redacted headers and the parsed body', async () => {
      const { client } = await direct(jsonAnswer(200, { echoed: mock.token }, { 'x-echo': mock.token }));
      const response = await client.request({ method: 'GET', path: '/Users' });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ echoed: '[redacted]' });
      expect(response.headers['x-echo']).toBe('[redacted]');
      expect(JSON.stringify(response)).not.toContain(mock.token);
    });

    it('refuses a redirect to another origin and does not follow it', async () => {
      const elsewhere = await startHttpServer(jsonAnswer(200, {}));
      cleanups.push(() => elsewhere.close());
      const { client } = await direct(redirectTo(`${elsewhere.url}/Users`));
      const error = await client
        .request({ method: 'GET', path: '/Users' })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ScimNetworkError);
      expect((error as ScimNetworkError).info).toMatchObject({ kind: 'redirect', crossOrigin: true });
      expect(elsewhere.seen).toEqual([]);
    });

    it('cuts a body off at the size limit', async () => {
      const { client } = await direct(hugeBody(false), { maxBodyBytes: 256 * 1024 });
      const error = await client
        .request({ method: 'GET', path: '/Users' })
        .catch((caught: unknown) => caught);
      expect((error as ScimNetworkError).kind).toBe('tooLarge');
    });

    it('gives up on a server that never answers, after the headers budget', async () => {
      const { client } = await direct(neverAnswers);
      const error = await client
        .request({ method: 'GET', path: '/Users' })
        .catch((caught: unknown) => caught);
      expect((error as ScimNetworkError).info).toMatchObject({ kind: 'timeout', phase: 'headers' });
    });
  });

  async function requestError(options: Partial<ScimClientOptions>) {
    const client = createScimClient({
      baseUrl: baseUrl(),
      token: mock.token,
      timeouts: { connectMs: 3000, headersMs: 5000, bodyMs: 5000 },
      retry: { maxAttempts: 1 },
      ...options,
    });
    cleanups.push(() => client.close());
    const error = await client.request({ method: 'GET', path: '/Users' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScimNetworkError);
    const info = (error as ScimNetworkError).info;
    expect(JSON.stringify(info)).not.toContain(mock.token);
    return info;
  }
}
