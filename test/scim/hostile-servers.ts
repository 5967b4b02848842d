/**
 * Misbehaving servers on 127.0.0.1 for the client and probe tests. Each records what reached it, so tests
 * can assert, for instance, that a token never arrived.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SeenRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  userAgent: string | undefined;
}

export interface LocalServer {
  url: string;
  port: number;
  seen: SeenRequest[];
  close(): Promise<void>;
}

type Handler = (request: IncomingMessage, response: ServerResponse, socket: Socket) => void;

async function listen(server: Server, handler: Handler, scheme: 'http' | 'https'): Promise<LocalServer> {
  const seen: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('secureConnection', (socket: Socket) => sockets.add(socket));
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    seen.push({
      method: request.method ?? '',
      url: request.url ?? '',
      authorization: request.headers.authorization,
      userAgent: request.headers['user-agent'],
    });
    handler(request, response, request.socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}/scim2`,
    port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export function startHttpServer(handler: Handler): Promise<LocalServer> {
  return listen(createHttpServer(), handler, 'http');
}

/** Accepts the request and never answers. */
export const neverAnswers: Handler = () => {};

/** Sends `body` one byte a second, after headers that promise all of it. */
export function byteASecond(
  body = '{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":0}',
): Handler {
  return (_request, response) => {
    response.writeHead(200, {
      'content-type': 'application/scim+json',
      'content-length': Buffer.byteLength(body),
    });
    let index = 0;
    const timer = setInterval(() => {
      if (response.destroyed || index >= body.length) return clearInterval(timer);
      response.write(body.charAt(index));
      index += 1;
    }, 1000);
    response.on('close', () => clearInterval(timer));
  };
}

/** Writes the status line itself one byte a second, so the headers never complete in time. */
export const headersTrickle: Handler = (_request, _response, socket) => {
  const text = 'HTTP/1.1 200 OK\r\ncontent-type: application/scim+json\r\n\r\n{}';
  let index = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || index >= text.length) return clearInterval(timer);
    socket.write(text.charAt(index));
    index += 1;
  }, 1000);
  socket.on('close', () => clearInterval(timer));
};

/** Streams 50 MiB of JSON-looking bytes, without or with a Content-Length announcing it. */
export function hugeBody(announce: boolean): Handler {
  const size = 50 * 1024 * 1024;
  const chunk = Buffer.alloc(64 * 1024, 'a');
  return (_request, response) => {
    response.writeHead(200, {
      'content-type': 'application/scim+json',
      ...(announce ? { 'content-length': size } : {}),
    });
    let sent = 0;
    const pump = (): void => {
      while (sent < size && !response.destroyed) {
        sent += chunk.length;
        if (!response.write(chunk)) return void response.once('drain', pump);
      }
      if (!response.destroyed) response.end();
    };
    pump();
  };
}

export function redirectTo(location: string, status = 302): Handler {
  return (_request, response) => {
    response.writeHead(status, { location });
    response.end();
  };
}

export const htmlLoginPage: Handler = (_request, response) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end(
    '<!DOCTYPE html><html><head><title>Sign in</title></head><body><form>Password</form></body></html>',
  );
};

export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/scim+json', ...headers });
    response.end(JSON.stringify(body));
  };
}

export interface SelfSignedCertificate {
  keyPem: string;
  certPem: string;
  certFile: string;
  cleanup(): void;
}

/** A fresh self-signed certificate for 127.0.0.1/localhost, made with openssl at test time. */
export function makeSelfSignedCertificate(): SelfSignedCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'jpa-cert-'));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=localhost',
      '-days',
      '1',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'ignore' },
  );
  return {
    keyPem: readFileSync(keyFile, 'utf8'),
    certPem: readFileSync(certFile, 'utf8'),
    certFile,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function startHttpsServer(certificate: SelfSignedCertificate, handler: Handler): Promise<LocalServer> {
  return listen(createHttpsServer({ key: certificate.keyPem, cert: certificate.certPem }), handler, 'https');
}
