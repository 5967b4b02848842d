import { performance } from 'node:perf_hooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createScimClient, ScimNetworkError, type ScimClient, type ScimClientOptions } from '../../main/scim';
import {
  byteASecond,
  headersTrickle,
  htmlLoginPage,
  hugeBody,
  jsonAnswer,
  makeSelfSignedCertificate,
  neverAnswers,
  redirectTo,
  startHttpServer,
  startHttpsServer,
  type LocalServer,
  type SelfSignedCertificate,
} from './hostile-servers';

const TOKEN = 'secret-token-0123456789-abcdefghij';
const SHORT = { connectMs: 1000, headersMs: 1500, bodyMs: 1500 };

const servers: LocalServer[] = [];
const clients: ScimClient[] = [];

async function serve(server: Promise<LocalServer>): Promise<LocalServer> {
  const started = await server;
  servers.push(started);
  return started;
}

function client(baseUrl: string, options: Partial<ScimClientOptions> = {}): ScimClient {
  const created = createScimClient({
    baseUrl,
    token: TOKEN,
    timeouts: SHORT,
    retry: { maxAttempts: 1 },
    env: {},
    ...options,
  });
  clients.push(created);
  return created;
}

/** Runs a request expected to fail; returns the error and how long it took. */
async function failure(scim: ScimClient): Promise<{ error: ScimNetworkError; elapsed: number }> {
  const started = performance.now();
  const error = await scim.request({ method: 'GET', path: '/Users' }).then(
    () => {
      throw new Error('expected a network error');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ScimNetworkError);
  return { error: error as ScimNetworkError, elapsed: performance.now() - started };
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((scim) => scim.close()));
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('hostile servers end within their timeout plus one second, with the right finding', () => {
  it('a server that never answers: timeout in the headers phase', async () => {
    const server = await serve(startHttpServer(neverAnswers));
    const { error, elapsed } = await failure(client(server.url));
    expect(error.kind).toBe('timeout');
    expect(error.info.phase).toBe('headers');
    expect(elapsed).toBeLessThan(SHORT.headersMs + 1000);
  });

  it('a byte a second in the body: timeout in the body phase (a total, not an idle timer)', async () => {
    const server = await serve(startHttpServer(byteASecond()));
    const { error, elapsed } = await failure(client(server.url));
    expect(error.kind).toBe('timeout');
    expect(error.info.phase).toBe('body');
    expect(elapsed).toBeLessThan(SHORT.headersMs + SHORT.bodyMs + 1000);
  });

  it('a byte a second in the status line: timeout in the headers phase', async () => {
    const server = await serve(startHttpServer(headersTrickle));
    const { error, elapsed } = await failure(client(server.url));
    expect(error.kind).toBe('timeout');
    expect(error.info.phase).toBe('headers');
    expect(elapsed).toBeLessThan(SHORT.headersMs + 1000);
  });

  it('a 50 MiB streamed body: cut off at the 5 MiB cap', async () => {
    const server = await serve(startHttpServer(hugeBody(false)));
    const { error, elapsed } = await failure(client(server.url));
    expect(error.kind).toBe('tooLarge');
    expect(error.message).toMatch(/5242880-byte limit while streaming/);
    expect(elapsed).toBeLessThan(SHORT.headersMs + SHORT.bodyMs + 1000);
  });

  it('a 50 MiB body announced by Content-Length: refused before reading', async () => {
    const server = await serve(startHttpServer(hugeBody(true)));
    const { error } = await failure(client(server.url, { maxBodyBytes: 1024 * 1024 }));
    expect(error.kind).toBe('tooLarge');
    expect(error.message).toMatch(/announced 52428800 bytes/);
  });

  it('a redirect to another origin: reported, not followed, and the token never reaches the other origin', async () => {
    const elsewhere = await serve(startHttpServer(jsonAnswer(200, { totalResults: 0 })));
    const redirecting = await serve(startHttpServer(redirectTo(`${elsewhere.url}/Users?stolen=1`)));
    const { error, elapsed } = await failure(client(redirecting.url));
    expect(error.kind).toBe('redirect');
    expect(error.info).toMatchObject({ status: 302, crossOrigin: true, location: `${elsewhere.url}/Users` });
    expect(redirecting.seen).toHaveLength(1);
    expect(redirecting.seen[0]?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(elsewhere.seen).toHaveLength(0);
    expect(JSON.stringify(error.info)).not.toContain(TOKEN);
    expect(elapsed).toBeLessThan(SHORT.headersMs + 1000);
  });

  it('a same-origin redirect is reported too (a redirect means a wrong Base URL)', async () => {
    const server = await serve(startHttpServer(redirectTo('/login', 301)));
    const { error } = await failure(client(server.url));
    expect(error.kind).toBe('redirect');
    expect(error.info.crossOrigin).toBe(false);
  });

  it('an HTML page with 200: answered as a response the probes can diagnose', async () => {
    const server = await serve(startHttpServer(htmlLoginPage));
    const response = await client(server.url).request({ method: 'GET', path: '/Users' });
    expect(response.status).toBe(200);
    expect(response.contentType).toContain('text/html');
    expect(response.body).toBeUndefined();
    expect(response.text).toContain('<!DOCTYPE html>');
  });
});

describe('TLS', () => {
  let certificate: SelfSignedCertificate;
  beforeAll(() => {
    certificate = makeSelfSignedCertificate();
  });
  afterAll(() => certificate.cleanup());

  it('a self-signed certificate: refused as a TLS finding, no crash', async () => {
    const server = await serve(startHttpsServer(certificate, jsonAnswer(200, { totalResults: 0 })));
    const { error, elapsed } = await failure(client(server.url));
    expect(error.kind).toBe('tls');
    expect(error.info.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(server.seen).toHaveLength(0);
    expect(elapsed).toBeLessThan(SHORT.connectMs + 1000);
  });

  it('the same server is trusted once its certificate is given as the CA file', async () => {
    const server = await serve(startHttpsServer(certificate, jsonAnswer(200, { totalResults: 0 })));
    const scim = client(server.url, { caFile: certificate.certFile });
    expect(scim.trustSources).toContain('file');
    const response = await scim.request({ method: 'GET', path: '/Users' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ totalResults: 0 });
  });
});
