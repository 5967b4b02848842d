/**
 * The browser-mode transport as an attacker sees it: any web page the admin opens can make the browser send
 * requests to 127.0.0.1, and a DNS-rebinding page can make them look same-origin. Adds to
 * test/web/server.test.ts (which covers the basic token, Host, Origin and path checks) rather than
 * repeating it: the token on every method and channel, rebinding host names, hostile Origins, CORS,
 * malformed request targets, and the loopback-only bind checked against the machine's other addresses.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../main/api/handlers';
import { startWebServer, type RunningWebServer } from '../../main/web/server';
import { apiChannels } from '../../shared/api/contract';
import { createTestContext, type TestContext } from '../support/context';
import { tempDir } from '../support/temp';

let test: TestContext;
let server: RunningWebServer;
const staticDir = tempDir('jpa-static-');

beforeAll(async () => {
  test = await createTestContext();
  mkdirSync(join(staticDir.path, 'assets'));
  writeFileSync(join(staticDir.path, 'index.html'), '<!doctype html><title>ok</title>');
  writeFileSync(join(staticDir.path, 'assets', 'app.js'), 'console.log(1)');
  server = await startWebServer({ handlers: createHandlers(test.context), staticDir: staticDir.path });
});
afterAll(async () => {
  await server?.close();
  await test?.context.mock.stop();
  await test?.cleanup();
  staticDir.remove();
});

/** One raw HTTP/1.1 exchange, so the test controls every byte (Host, request target) a client would hide. */
function rawRequest(head: string, body = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
    const length = body ? `\r\nContent-Length: ${Buffer.byteLength(body)}` : '';
    socket.write(`${head}${length}\r\nConnection: close\r\n\r\n${body}`);
  });
}
const statusOf = (raw: string) => Number(/^HTTP\/1\.[01] (\d{3})/.exec(raw)?.[1]);

/** Whether a TCP connection to host:port is accepted (true) or refused (false). */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (['ECONNREFUSED', 'EADDRNOTAVAIL', 'ENETUNREACH', 'EHOSTUNREACH'].includes(error.code ?? ''))
        resolve(false);
      else reject(error);
    });
  });
}

describe('browser mode: the token on every request', () => {
  it('refuses every API channel without the token, and answers it nothing but 401', async () => {
    for (const channel of apiChannels) {
      const response = await request(`${server.origin}/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.origin },
        body: '{}',
      });
      expect(response.statusCode, channel).toBe(401);
      const text = await response.body.text();
      expect(text).not.toMatch(/"ok"|"value"/);
    }
  });

  it('refuses every method without the token, before anything else is looked at', async () => {
    for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const) {
      for (const path of ['/', '/index.html', '/api/getSettings', '/nonexistent']) {
        const response = await request(`${server.origin}${path}`, { method });
        expect(response.statusCode, `${method} ${path}`).toBe(401);
        await response.body.dump();
      }
    }
  });

  it('refuses near-miss tokens: another run’s, truncated, padded, wrong cookie name, empty', async () => {
    const other = await startWebServer({
      handlers: createHandlers(test.context),
      staticDir: staticDir.path,
    });
    try {
      const attempts: Record<string, string>[] = [
        { authorization: `Bearer ${other.token}` },
        { authorization: `Bearer ${server.token.slice(0, -1)}` },
        { authorization: `Bearer ${server.token}x` },
        { authorization: `Bearer  ${server.token}` },
        { authorization: `Basic ${server.token}` },
        { authorization: 'Bearer ' },
        { cookie: `jpa_session_${other.port}=${server.token}` },
        { cookie: `jpa_session_${server.port}=${other.token}` },
        { cookie: `jpa_session_${server.port}=` },
      ];
      for (const headers of attempts) {
        const response = await request(`${server.origin}/api/getSettings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: '{}',
        });
        expect(response.statusCode, JSON.stringify(headers)).toBe(401);
        await response.body.dump();
      }
      // …while the real token works both ways, so the refusals above are about the token.
      for (const headers of [
        { authorization: `Bearer ${server.token}` },
        { cookie: `jpa_session_${server.port}=${server.token}` },
      ]) {
        const response = await request(`${server.origin}/api/getSettings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: '{}',
        });
        expect(response.statusCode).toBe(200);
        await response.body.dump();
      }
    } finally {
      await other.close();
    }
  });

  it('does not take the token from the query string of an API call as authentication for it', async () => {
    const response = await request(`${server.origin}/api/getSettings?token=${server.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    // The address token only sets the cookie (a redirect to /); it never runs the call itself.
    expect(response.statusCode).toBe(303);
    expect(await response.body.text()).toBe('');
  });
});

describe('browser mode: Host check (DNS rebinding)', () => {
  const rebinding = (port: number) => [
    `attacker.example:${port}`,
    `127.0.0.1.nip.io:${port}`,
    `localhost.attacker.example:${port}`,
    `127.0.0.1.attacker.example:${port}`,
    `0x7f000001:${port}`,
    `2130706433:${port}`,
    `127.1:${port}`,
    `[::1]:${port}`,
    `127.0.0.1:${port + 1}`,
    '127.0.0.1',
    'localhost',
    `127.0.0.1:${port}.attacker.example`,
    `127.0.0.1:${port}@attacker.example`,
  ];

  const withHost = (host: string, method: 'GET' | 'POST', path: string) =>
    rawRequest(
      [
        `${method} ${path} HTTP/1.1`,
        `Host: ${host}`,
        `Authorization: Bearer ${server.token}`,
        'Content-Type: application/json',
      ].join('\r\n'),
      method === 'POST' ? '{}' : '',
    );

  it('refuses rebinding host names even with the right token, for pages and API alike', async () => {
    for (const host of rebinding(server.port)) {
      for (const [method, path] of [
        ['GET', '/'],
        ['POST', '/api/getConnectionStatus'],
      ] as const) {
        const raw = await withHost(host, method, path);
        // Node itself answers 400 to a Host it cannot parse; either way the request never reaches us.
        expect([400, 403], `${method} ${path} Host: ${host}`).toContain(statusOf(raw));
        expect(raw).not.toContain('"ok"');
      }
    }
  });

  it('refuses a request without a Host header (HTTP/1.0)', async () => {
    const raw = await rawRequest(`GET / HTTP/1.0\r\nAuthorization: Bearer ${server.token}`);
    expect([400, 403]).toContain(statusOf(raw));
  });

  it('accepts exactly our own two spellings, so the refusals above are about the Host', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`]) {
      expect(statusOf(await withHost(host, 'GET', '/index.html')), host).toBe(200);
      const api = await withHost(host, 'POST', '/api/getConnectionStatus');
      expect(statusOf(api), host).toBe(200);
      expect(api).toContain('"ok":true');
    }
  });
});

describe('browser mode: Origin check (cross-site calls)', () => {
  const call = (headers: Record<string, string>) =>
    request(`${server.origin}/api/getConnectionStatus`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `jpa_session_${server.port}=${server.token}`,
        ...headers,
      },
      body: '{}',
    });

  it('refuses Origin: null (sandboxed iframes, file: pages, some redirects)', async () => {
    const response = await call({ origin: 'null' });
    expect(response.statusCode).toBe(403);
    expect(await response.body.text()).not.toContain('"ok"');
  });

  it('refuses foreign origins, including same-site ones on another port and look-alikes', async () => {
    for (const origin of [
      'https://attacker.example',
      `http://127.0.0.1:${server.port + 1}`,
      `http://localhost:${server.port + 1}`,
      `https://127.0.0.1:${server.port}`,
      `http://127.0.0.1.nip.io:${server.port}`,
      `http://localhost.attacker.example:${server.port}`,
      `${server.origin}.attacker.example`,
      `${server.origin}/`,
      'http://[::1]:' + server.port,
    ]) {
      const response = await call({ origin });
      expect(response.statusCode, origin).toBe(403);
      await response.body.dump();
    }
  });

  it('refuses the content types an HTML form or a no-preflight fetch can send', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const response = await call({ 'content-type': type, origin: server.origin });
      expect(response.statusCode, type).toBe(415);
      await response.body.dump();
    }
  });

  it('grants no CORS: no Access-Control-Allow-* header on a preflight or on an answer', async () => {
    const preflight = await request(`${server.origin}/api/getSettings`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://attacker.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    await preflight.body.dump();
    expect(preflight.statusCode).toBeGreaterThanOrEqual(400);
    const answer = await call({ origin: server.origin });
    expect(answer.statusCode).toBe(200);
    await answer.body.dump();
    for (const headers of [preflight.headers, answer.headers]) {
      expect(Object.keys(headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
  });

  it('accepts our own origin, both spellings, and none (scripts with the Bearer token)', async () => {
    const variants: Record<string, string>[] = [
      { origin: server.origin },
      { origin: `http://localhost:${server.port}` },
      {},
    ];
    for (const headers of variants) {
      const response = await call(headers);
      expect(response.statusCode, JSON.stringify(headers)).toBe(200);
      await response.body.dump();
    }
  });
});

describe('browser mode: malformed requests', () => {
  it('answers malformed request targets with a 4xx, never a 5xx', async () => {
    for (const target of ['http://[/', '/%E0%A4%A', '/%', '/assets/%zz', '*', '//attacker.example/x']) {
      const raw = await rawRequest(
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: Bearer ${server.token}`,
      );
      const status = statusOf(raw);
      expect(status, target).toBeGreaterThanOrEqual(400);
      expect(status, target).toBeLessThan(500);
    }
  });
});

describe('browser mode: bound to loopback only', () => {
  it('listens on 127.0.0.1 and on nothing else', async () => {
    expect(new URL(server.origin).hostname).toBe('127.0.0.1');
    expect(await accepts('127.0.0.1', server.port)).toBe(true);
    // Another loopback address and IPv6 loopback: a socket bound to 0.0.0.0 or :: would accept these.
    expect(await accepts('127.0.0.2', server.port)).toBe(false);
    expect(await accepts('::1', server.port)).toBe(false);
  });

  const external = Object.values(networkInterfaces())
    .flat()
    .filter((address) => address && !address.internal && address.family === 'IPv4')
    .map((address) => address!.address);

  it.skipIf(external.length === 0)(
    `is not reachable on this machine's other interface addresses (${external.join(', ') || 'none'})`,
    async () => {
      // Connecting to our own interface address stays on this machine; no packet leaves it.
      for (const address of external) expect(await accepts(address, server.port), address).toBe(false);
    },
  );
  if (external.length === 0) {
    it.skip('other interface addresses: skipped, this machine has only loopback interfaces', () => undefined);
  }
});
