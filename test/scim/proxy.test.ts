import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createScimClient, ScimNetworkError, type ScimClient, type ScimClientOptions } from '../../main/scim';
import { jsonAnswer, startHttpServer, type LocalServer } from './hostile-servers';

const TOKEN = 'proxy-test-token-0123456789abcdef';

interface LocalProxy {
  port: number;
  connects: Array<{ target: string; headers: IncomingMessage['headers'] }>;
  close(): Promise<void>;
}

/** A CONNECT proxy on 127.0.0.1; `refuse` answers 407 as an authenticating corporate proxy would. */
async function startProxy(refuse = false): Promise<LocalProxy> {
  const connects: LocalProxy['connects'] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer();
  server.on('connect', (request: IncomingMessage, client: Socket) => {
    sockets.add(client);
    connects.push({ target: request.url ?? '', headers: request.headers });
    if (refuse) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\n\r\n');
      return;
    }
    const [host, port] = (request.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connects,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function target(): Promise<LocalServer> {
  const server = await startHttpServer(jsonAnswer(200, { totalResults: 0 }));
  cleanups.push(() => server.close());
  return server;
}

function client(baseUrl: string, options: Partial<ScimClientOptions>): ScimClient {
  const created = createScimClient({
    baseUrl,
    token: TOKEN,
    timeouts: { connectMs: 1000, headersMs: 2000, bodyMs: 2000 },
    env: {},
    ...options,
  });
  cleanups.push(() => created.close());
  return created;
}

describe('proxies', () => {
  it('tunnels through the proxy that resolveProxy names (PAC format), hiding the token from the proxy', async () => {
    const server = await target();
    const proxy = await startProxy();
    cleanups.push(() => proxy.close());
    const asked: string[] = [];
    const scim = client(server.url, {
      resolveProxy: async (url) => {
        asked.push(url);
        return `PROXY 127.0.0.1:${proxy.port}; DIRECT`;
      },
    });
    const response = await scim.request({ method: 'GET', path: '/Users' });
    expect(response.status).toBe(200);
    expect(response.route).toBe(`proxy http://127.0.0.1:${proxy.port} (system settings)`);
    expect(asked[0]).toBe(`${server.url}/Users`);
    expect(proxy.connects.map((entry) => entry.target)).toEqual([`127.0.0.1:${server.port}`]);
    expect(JSON.stringify(proxy.connects)).not.toContain(TOKEN);
    expect(server.seen[0]?.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('names a proxy that demands authentication (407)', async () => {
    const server = await target();
    const proxy = await startProxy(true);
    cleanups.push(() => proxy.close());
    const scim = client(server.url, { resolveProxy: async () => `PROXY 127.0.0.1:${proxy.port}` });
    const error = await scim.request({ method: 'GET', path: '/Users' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScimNetworkError);
    expect((error as ScimNetworkError).kind).toBe('proxy');
    expect((error as ScimNetworkError).message).toContain('407');
    expect(server.seen).toHaveLength(0);
  });

  it('goes direct when the hook says DIRECT or fails', async () => {
    const server = await target();
    const direct = await client(server.url, { resolveProxy: async () => 'DIRECT' }).request({
      method: 'GET',
      path: '/Users',
    });
    expect(direct.route).toBe('direct (system settings)');
    const failing = await client(server.url, {
      resolveProxy: async () => {
        throw new Error('no session');
      },
    }).request({ method: 'GET', path: '/Users' });
    expect(failing.route).toBe('direct');
  });

  it('does not hang on a resolveProxy hook that never answers: falls back after the connect timeout', async () => {
    const server = await target();
    const scim = client(server.url, { resolveProxy: () => new Promise<string>(() => {}) });
    const response = await scim.request({ method: 'GET', path: '/Users' });
    expect(response).toMatchObject({ status: 200, route: 'direct' });
    expect(response.durationMs).toBeLessThan(2000);
  });

  it('never sends loopback traffic to an HTTPS_PROXY/HTTP_PROXY from the environment', async () => {
    const server = await target();
    const env = { HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9' };
    const response = await client(server.url, { env }).request({ method: 'GET', path: '/Users' });
    expect(response).toMatchObject({ status: 200, route: 'direct' });
  });
});
