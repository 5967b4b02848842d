/**
 * A real forward proxy on 127.0.0.1 for tests, written on node:http: CONNECT tunnels (what clients use for
 * https://) and absolute-form requests (plain http://). It can demand sign-in the way corporate proxies do —
 * Basic with a user name and password, or only Negotiate/NTLM (which a Node client cannot answer) — and it
 * records every request line and header it received, so tests can assert what a proxy gets to see.
 * `route` maps a host name the tests invent (jostle.test) to a local server, as the proxy's DNS would.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export type ProxyAuth =
  | { scheme: 'none' }
  | { scheme: 'Basic'; username: string; password: string; realm?: string }
  /** Always 407, offering these schemes (e.g. ['Negotiate', 'NTLM']); no answer a test can give passes. */
  | { scheme: 'osOnly'; offer: string[] };

export interface SeenRequest {
  method: string;
  /** `host:port` for CONNECT, the absolute URL otherwise. */
  target: string;
  headers: IncomingMessage['headers'];
  /** What the proxy answered: 200 (tunnel open / forwarded) or 407. */
  answered: number;
}

export interface ForwardProxy {
  port: number;
  /** `http://127.0.0.1:port` */
  url: string;
  hostPort: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

export async function startForwardProxy(
  options: { auth?: ProxyAuth; route?: (host: string, port: number) => { host: string; port: number } } = {},
): Promise<ForwardProxy> {
  const auth = options.auth ?? { scheme: 'none' };
  const route = options.route ?? ((host, port) => ({ host, port }));
  const seen: SeenRequest[] = [];
  const sockets = new Set<Socket>();

  function challenge(): string {
    if (auth.scheme === 'Basic') return `Basic realm="${auth.realm ?? 'Corporate proxy'}"`;
    if (auth.scheme === 'osOnly') return auth.offer.join(', ');
    return '';
  }
  function allowed(request: IncomingMessage): boolean {
    if (auth.scheme === 'none') return true;
    if (auth.scheme === 'osOnly') return false;
    const expected = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
    return request.headers['proxy-authorization'] === expected;
  }
  function refusal(): string {
    // One Proxy-Authenticate header per offered scheme, as proxies send them.
    const lines = challenge()
      .split(', ')
      .map((value) => `Proxy-Authenticate: ${value}\r\n`)
      .join('');
    return `HTTP/1.1 407 Proxy Authentication Required\r\n${lines}Content-Length: 0\r\nConnection: close\r\n\r\n`;
  }

  const server: Server = createServer((request, response) => {
    // Absolute-form: GET http://host:port/path HTTP/1.1
    const ok = allowed(request);
    seen.push({
      method: request.method ?? '',
      target: request.url ?? '',
      headers: request.headers,
      answered: ok ? 200 : 407,
    });
    if (!ok) {
      response.writeHead(407, { 'proxy-authenticate': challenge().split(', '), connection: 'close' });
      response.end();
      return;
    }
    const target = new URL(request.url ?? '');
    const next = route(target.hostname, Number(target.port || 80));
    const headers = { ...request.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = httpRequest(
      {
        host: next.host,
        port: next.port,
        method: request.method,
        path: target.pathname + target.search,
        headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  server.on('connect', (request: IncomingMessage, client: Socket) => {
    sockets.add(client);
    client.on('error', () => undefined);
    const ok = allowed(request);
    seen.push({
      method: 'CONNECT',
      target: request.url ?? '',
      headers: request.headers,
      answered: ok ? 200 : 407,
    });
    if (!ok) {
      client.end(refusal());
      return;
    }
    const [host = '', port = '443'] = (request.url ?? '').split(/:(?=\d+$)/);
    const next = route(host, Number(port));
    const upstream = connect(next.port, next.host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    hostPort: `127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
