import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createScimClient,
  ScimConfigError,
  ScimNetworkError,
  USER_AGENT,
  type ScimClient,
  type ScimClientOptions,
} from '../../main/scim';
import { jsonAnswer, startHttpServer, type LocalServer } from './hostile-servers';

const TOKEN = 'tok-abcdefghijklmnopqrstuvwxyz-0123456789';
const servers: LocalServer[] = [];
const clients: ScimClient[] = [];

async function serve(...answers: Array<Parameters<typeof startHttpServer>[0]>): Promise<LocalServer> {
  let call = 0;
  const server = await startHttpServer((request, response, socket) => {
    const answer = answers[Math.min(call, answers.length - 1)];
    call += 1;
    answer?.(request, response, socket);
  });
  servers.push(server);
  return server;
}

function client(baseUrl: string, options: Partial<ScimClientOptions> = {}): ScimClient {
  const created = createScimClient({
    baseUrl,
    token: TOKEN,
    env: {},
    timeouts: { connectMs: 1000, headersMs: 2000, bodyMs: 2000 },
    retry: { baseDelayMs: 10, maxDelayMs: 2000 },
    ...options,
  });
  clients.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((scim) => scim.close()));
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('requests', () => {
  it('sends Entra’s Test Connection query in its wire form, the token only as Bearer, and our User-Agent', async () => {
    const server = await serve(jsonAnswer(200, { totalResults: 0, Resources: [] }));
    const response = await client(`${server.url}/`).request({
      method: 'GET',
      path: '/Users',
      query: { filter: 'userName eq "cf4d78e8-cc4f-4d5d-b8b9-183561c0104a"' },
    });
    expect(server.seen[0]?.url).toBe(
      '/scim2/Users?filter=userName+eq+%22cf4d78e8-cc4f-4d5d-b8b9-183561c0104a%22',
    );
    expect(server.seen[0]?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(server.seen[0]?.userAgent).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^JostleProvisioningAssistant\/\d+\.\d+\.\d+/);
    expect(response).toMatchObject({
      status: 200,
      contentType: 'application/scim+json',
      body: { totalResults: 0 },
      attempts: 1,
    });
    expect(response.requestLine).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/scim2\/Users\?filter=userName/);
    expect(JSON.stringify(response)).not.toContain(TOKEN);
  });

  it('redacts the token when a server echoes it back', async () => {
    const server = await serve((request, response) => {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ detail: `bad token ${request.headers.authorization}` }));
    });
    const response = await client(server.url).request({ method: 'GET', path: '/Users' });
    expect(response.text).toContain('[redacted]');
    expect(response.text).not.toContain(TOKEN);
  });

  it('redacts the token a server echoes in a header name or value, and hides cookies', async () => {
    const server = await serve((request, response) => {
      const key = (request.headers.authorization ?? '').replace(/^Bearer /, '');
      response.setHeader('x-echo', `you sent ${key}`);
      response.setHeader(`x-${key.toLowerCase()}`, 'in the name');
      response.setHeader('x-plain', 'nothing here');
      response.setHeader('set-cookie', ['a=1', 'b=2']);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{}');
    });
    const response = await client(server.url).request({ method: 'GET', path: '/Users' });
    expect(JSON.stringify(response.headers).toLowerCase()).not.toContain(TOKEN.toLowerCase());
    expect(response.headers['x-echo']).toBe('you sent [redacted]');
    expect(response.headers['x-plain']).toBe('nothing here');
    expect(response.headers['set-cookie']).toBe('[redacted]');
  });

  it('aborts every request in flight that shares the caller signal, and only while in flight', async () => {
    let answered = 0;
    const server = await serve((request, response) => {
      if (request.url?.includes('hang')) return;
      answered += 1;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{}');
    });
    const scim = client(server.url);
    const controller = new AbortController();
    // Finished requests first: their link to the signal must be gone, so the abort reaches only the rest.
    for (let i = 0; i < 3; i += 1)
      await scim.request({ method: 'GET', path: '/Users', signal: controller.signal });
    const hanging = Array.from({ length: 20 }, () =>
      scim
        .request({ method: 'GET', path: '/hang', signal: controller.signal })
        .catch((caught: unknown) => caught),
    );
    setTimeout(() => controller.abort(), 100);
    const errors = await Promise.all(hanging);
    expect(errors.map((error) => (error as ScimNetworkError).kind)).toEqual(Array(20).fill('aborted'));
    expect(answered).toBe(3);
    const after = await scim
      .request({ method: 'GET', path: '/Users', signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect((after as ScimNetworkError).kind).toBe('aborted');
  });

  it('rejects plain http except on loopback, before any traffic', () => {
    expect(() => createScimClient({ baseUrl: 'http://api-prod.jostle.us/scim2', token: TOKEN })).toThrow(
      ScimConfigError,
    );
    expect(() => createScimClient({ baseUrl: 'not a url', token: TOKEN })).toThrow(/not a URL/);
    expect(() => createScimClient({ baseUrl: 'https://h.example/scim2?x=1', token: TOKEN })).toThrow(/query/);
    expect(() => createScimClient({ baseUrl: 'ftp://h.example/', token: TOKEN })).toThrow(/https/);
  });

  it('names a refused connection', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const error = await client(`http://127.0.0.1:${port}/scim2`)
      .request({ method: 'GET', path: '/Users' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScimNetworkError);
    expect((error as ScimNetworkError).kind).toBe('refused');
  });

  it('reports cancellation as aborted', async () => {
    const server = await serve(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await client(server.url)
      .request({ method: 'GET', path: '/Users', signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect((error as ScimNetworkError).kind).toBe('aborted');
  });
});

describe('retries', () => {
  it('retries a 429 on an idempotent request after Retry-After', async () => {
    const server = await serve(
      jsonAnswer(429, { status: '429' }, { 'retry-after': '1' }),
      jsonAnswer(200, { ok: true }),
    );
    const started = Date.now();
    const response = await client(server.url).request({ method: 'GET', path: '/Users' });
    expect(response).toMatchObject({ status: 200, attempts: 2 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('does not wait longer than the cap: a long Retry-After returns the 429', async () => {
    const server = await serve(jsonAnswer(429, {}, { 'retry-after': '120' }), jsonAnswer(200, {}));
    const response = await client(server.url).request({ method: 'GET', path: '/Users' });
    expect(response).toMatchObject({ status: 429, attempts: 1 });
    expect(response.headers['retry-after']).toBe('120');
  });

  it('retries 5xx on idempotent requests up to maxAttempts', async () => {
    const server = await serve(jsonAnswer(503, {}), jsonAnswer(500, {}), jsonAnswer(200, { fine: 1 }));
    const response = await client(server.url).request({ method: 'DELETE', path: '/Users/1' });
    expect(response).toMatchObject({ status: 200, attempts: 3 });
  });

  it('never retries a non-idempotent request', async () => {
    const server = await serve(jsonAnswer(500, {}), jsonAnswer(201, {}));
    const response = await client(server.url).request({
      method: 'POST',
      path: '/Users',
      body: { userName: 'x' },
    });
    expect(response).toMatchObject({ status: 500, attempts: 1 });
    expect(server.seen).toHaveLength(1);
  });

  it('does not retry 501', async () => {
    const server = await serve(jsonAnswer(501, {}), jsonAnswer(200, {}));
    const response = await client(server.url).request({ method: 'GET', path: '/Users' });
    expect(response.status).toBe(501);
  });
});
