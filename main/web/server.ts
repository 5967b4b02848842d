/**
 * The browser-mode transport: the built renderer and the API on 127.0.0.1, one random token per run.
 * Requests to `/api/<channel>` go through the same dispatcher as Electron IPC.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../api/dispatch';
import type { HandlerTable } from '../api/handlers';
import { EVENT_STREAM_PATH } from '../../shared/api/events';
import type { SubscribeToEvents } from '../jobs/job-events';
import type { Logger } from '../logging/logger';
import { createEventStreams } from './event-stream';
import { CallSlots, ConnectionGuard } from './connection-guard';
import { defaultLimits, UPLOAD_CHANNELS, type WebLimits } from './limits';
import { allowedHosts, cookieName, presentedToken, sameSecret, securityHeaders } from './security';
import { readStaticFile } from './static-files';
import { createUploadRoute } from './upload-route';
import { UPLOAD_PATH_PREFIX } from '../../shared/api/uploads';

export interface WebServerOptions {
  handlers: HandlerTable;
  staticDir: string;
  port?: number;
  token?: string;
  logger?: Logger;
  /** Largest accepted body of an ordinary API call; default 1 MiB (imports: `limits.maxUploadBytes`). */
  maxBodyBytes?: number;
  /** Connection, concurrency and time limits; defaults in limits.ts. */
  limits?: Partial<WebLimits>;
  /** Job events to push as Server-Sent Events on /api/events (event-stream.ts); absent: no stream. */
  events?: SubscribeToEvents;
  /** Where streamed uploads (upload-route.ts) wait while they are imported; default: a folder in the OS temp. */
  uploadDir?: string;
}

export interface RunningWebServer {
  /** The address to open, token included. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function send(
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Record<string, string> = {},
): void {
  response.writeHead(status, { ...securityHeaders, 'Content-Type': type, ...extra });
  response.end(body);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  send(response, status, text, 'text/plain; charset=utf-8');
}

function hasBody(request: IncomingMessage): boolean {
  const length = Number(request.headers['content-length'] ?? 0);
  return request.headers['transfer-encoding'] !== undefined || (Number.isFinite(length) && length > 0);
}

/**
 * Answers and closes the connection without reading the request body: Node would otherwise read (and
 * discard) whatever the client keeps sending, to reuse the connection.
 */
function refuse(request: IncomingMessage, response: ServerResponse, status: number, text: string): void {
  if (hasBody(request)) {
    response.shouldKeepAlive = false;
    // Captured now: Node detaches the socket from the request once the response has finished.
    const socket = request.socket as typeof request.socket | null;
    response.once('finish', () => socket?.destroy());
    send(response, status, text, 'text/plain; charset=utf-8', { Connection: 'close' });
  } else sendText(response, status, text);
}

/** Reads the body up to `limit` bytes; null as soon as it passes the limit (the caller then refuses). */
async function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const limits: WebLimits = {
    ...defaultLimits(),
    ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
    ...options.limits,
  };
  const server = createServer({
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // Node checks the two timeouts above on this interval (default 30 s); slow-header sockets go sooner.
    connectionsCheckingInterval: 1000,
    maxHeaderSize: 16 * 1024,
  });
  // A socket that sends nothing is closed after this long — unless we are still answering a request on it
  // (a probe run against a slow server can take longer; the socket's timer fires again later).
  // The guard below keeps sockets under the cap by closing idle ones; this is the backstop behind it.
  server.maxConnections = limits.maxConnections * 2;
  const guard = new ConnectionGuard(limits.maxConnections, options.logger);
  guard.attach(server);
  server.setTimeout(limits.idleTimeoutMs, (socket) => {
    if (!guard.isBusy(socket)) socket.destroy();
  });
  const calls = new CallSlots(limits.maxInFlight, limits.maxQueued);
  const uploadCalls = new CallSlots(1, 4);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const hosts = allowedHosts(port);
  const streams = options.events
    ? createEventStreams({
        subscribe: options.events,
        origins: new Set([origin, `http://localhost:${port}`]),
        heartbeatMs: Math.max(100, Math.floor(limits.idleTimeoutMs / 3)),
      })
    : null;

  const uploads = createUploadRoute({
    handlers: options.handlers,
    dir: options.uploadDir ?? join(tmpdir(), `jpa-uploads-${process.pid}-${port}`),
    maxBytes: limits.maxStreamedUploadBytes,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const foreignOrigin = (request: IncomingMessage) => {
    const requestOrigin = request.headers.origin;
    return (
      requestOrigin !== undefined && requestOrigin !== origin && requestOrigin !== `http://localhost:${port}`
    );
  };

  async function handleApi(
    request: IncomingMessage,
    response: ServerResponse,
    channel: string,
  ): Promise<void> {
    if (request.method !== 'POST') return refuse(request, response, 405, 'Use POST for API calls.');
    if (foreignOrigin(request)) {
      return refuse(request, response, 403, 'Cross-origin API calls are not allowed.');
    }
    if (!request.headers['content-type']?.startsWith('application/json')) {
      return refuse(request, response, 415, 'API calls must send application/json.');
    }
    const upload = UPLOAD_CHANNELS.has(channel);
    const limit = upload ? Math.max(limits.maxUploadBytes, limits.maxBodyBytes) : limits.maxBodyBytes;
    // Wait for a slot before reading the body, so queued calls cost no memory.
    const release = await (upload ? uploadCalls : calls).acquire();
    if (!release) {
      return refuse(
        request,
        response,
        503,
        'The assistant is busy with other requests; try again in a moment.',
      );
    }
    response.once('close', release);
    const raw = await readBody(request, limit);
    if (raw === null) return refuse(request, response, 413, `The request is larger than ${sizeText(limit)}.`);
    let payload: unknown;
    try {
      payload = raw === '' ? {} : JSON.parse(raw);
    } catch {
      return send(
        response,
        400,
        JSON.stringify({
          ok: false,
          error: { code: 'invalid-request', message: 'The request body is not valid JSON.' },
        }),
        'application/json',
      );
    }
    const envelope = await dispatch(options.handlers, channel, payload, options.logger);
    send(response, 200, JSON.stringify(envelope), 'application/json');
  }

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    response.once('close', guard.busy(request.socket));
    void (async () => {
      if (!hosts.has(request.headers.host ?? ''))
        return refuse(request, response, 403, 'Unexpected Host header.');
      let url: URL;
      try {
        url = new URL(request.url ?? '/', origin);
      } catch {
        return sendText(response, 400, 'Malformed request target.');
      }
      const offered = url.searchParams.get('token');
      if (offered !== null) {
        if (!sameSecret(offered, token))
          return sendText(response, 401, 'That access token is not valid for this run.');
        // Swap the token in the address bar for an HttpOnly cookie, so it does not linger in history.
        return send(response, 303, '', 'text/plain', {
          'Set-Cookie': `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
          Location: '/',
        });
      }
      const presented = presentedToken(request, port);
      if (presented === null || !sameSecret(presented, token)) {
        // Refused before a byte of the body is read.
        return refuse(
          request,
          response,
          401,
          'Open the address the assistant printed when it started; it includes the access token.',
        );
      }
      if (url.pathname === EVENT_STREAM_PATH && streams) return streams.handle(request, response);
      if (url.pathname.startsWith(UPLOAD_PATH_PREFIX)) {
        if (foreignOrigin(request))
          return refuse(request, response, 403, 'Cross-origin uploads are not allowed.');
        return uploads.handle(
          request,
          response,
          url.pathname.slice(UPLOAD_PATH_PREFIX.length),
          (status, text) => refuse(request, response, status, text),
          (json) => send(response, 200, json, 'application/json'),
        );
      }
      if (url.pathname.startsWith('/api/'))
        return handleApi(request, response, url.pathname.slice('/api/'.length));
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return sendText(response, 405, 'Method not allowed.');
      const file = await readStaticFile(options.staticDir, url.pathname);
      if (!file) return sendText(response, 404, 'Not found.');
      send(response, 200, file.body, file.type);
    })().catch((error: unknown) => {
      options.logger?.log('error', 'web request failed', {
        error: error instanceof Error ? error.message : String(error),
      });
      if (!response.headersSent) sendText(response, 500, 'The assistant could not answer this request.');
      else response.destroy();
    });
  });

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        streams?.closeAll();
        server.closeAllConnections();
        server.close(() => resolve());
      }).then(() => uploads.dispose()),
  };
}
