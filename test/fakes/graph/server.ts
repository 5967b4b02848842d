/**
 * A loopback fake of the Microsoft Graph v1.0 endpoints the assistant calls. A test fixture, not a feature:
 * it follows the request and response shapes of Microsoft's Graph reference pages (paging with
 * @odata.nextLink and $skiptoken, $select, $filter on the few properties we use, the error envelope
 * `{ error: { code, message, innerError } }`, 401/403/404/429) and keeps a log of every request so tests can
 * assert on what was sent where.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeTenant } from './tenant';
import { routeGraph } from './routes';

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | null;
  body: string;
}

export interface FakeFault {
  method?: string;
  path: RegExp;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** How many matching requests fail; then the fault is spent. */
  times: number;
}

export interface FakeToken {
  scopes: string[];
  tenantId?: string;
  upn?: string;
  /** Seconds from now; negative gives an expired token. */
  expiresIn?: number;
}

export class FakeGraph {
  readonly log: LoggedRequest[] = [];
  readonly faults: FakeFault[] = [];
  private server: Server | undefined;
  url = '';
  /** Caps every page below Graph's own maximum, to force many pages with a few thousand users. */
  pageSize: number | undefined;

  constructor(readonly tenant: FakeTenant) {}

  /** An unsigned JWT-shaped token carrying the claims Graph would check (scp, tid, exp). */
  issueToken(token: FakeToken): string {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const exp = Math.floor(Date.now() / 1000) + (token.expiresIn ?? 3600);
    return [
      encode({ typ: 'JWT', alg: 'none' }),
      encode({
        tid: token.tenantId ?? this.tenant.tenantId,
        upn: token.upn ?? 'admin@contoso.example',
        scp: token.scopes.join(' '),
        exp,
      }),
      'fake-signature',
    ].join('.');
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', this.url);
    const entry: LoggedRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: request.headers.authorization ?? null,
      body,
    };
    this.log.push(entry);
    const send = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, {
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      });
      response.end(json === undefined ? undefined : JSON.stringify(json));
    };
    const fault = this.faults.find(
      (candidate) =>
        candidate.times > 0 &&
        candidate.path.test(url.pathname) &&
        (!candidate.method || candidate.method === entry.method),
    );
    if (fault) {
      fault.times -= 1;
      return send(fault.status, fault.body, fault.headers);
    }
    const result = routeGraph(this, entry, url);
    send(result.status, result.json, result.headers);
  }
}

/** Graph's error envelope. */
export function graphError(status: number, code: string, message: string) {
  return {
    status,
    json: {
      error: {
        code,
        message,
        innerError: { date: new Date().toISOString(), 'request-id': `fake-${status}-${code}` },
      },
    },
  };
}

export type { IncomingMessage };
