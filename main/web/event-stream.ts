/**
 * The push half of the browser-mode transport: GET /api/events is a Server-Sent Events stream of every job
 * event (shared/api/events.ts), one `event: <channel>` record per event. server.ts routes here only after
 * the same Host and token checks as every API call; this adds the API calls' Origin rule and keeps the
 * streams bounded: at most `maxStreams` at once (a new one closes the oldest — a reloaded tab's stream
 * is usually the stale one), a comment line every `heartbeatMs` so the idle-socket timeout never closes a
 * quiet stream, and a reader that stops reading is dropped instead of buffering without limit.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SubscribeToEvents } from '../jobs/job-events';
import { securityHeaders } from './security';

export interface EventStreamOptions {
  subscribe: SubscribeToEvents;
  /** The origins API calls may come from; a stream request with another Origin is refused. */
  origins: ReadonlySet<string>;
  maxStreams?: number;
  heartbeatMs?: number;
  /** A stream whose unsent output passes this is closed (the browser reconnects and reads the status). */
  maxBufferedBytes?: number;
}

export interface EventStreams {
  handle(request: IncomingMessage, response: ServerResponse): void;
  readonly open: number;
  closeAll(): void;
}

export function createEventStreams(options: EventStreamOptions): EventStreams {
  const maxStreams = options.maxStreams ?? 4;
  const heartbeatMs = options.heartbeatMs ?? 5_000;
  const maxBufferedBytes = options.maxBufferedBytes ?? 1024 * 1024;
  // Insertion order = age.
  const streams = new Set<ServerResponse>();

  function refuse(response: ServerResponse, status: number, text: string): void {
    response.writeHead(status, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end(text);
  }

  return {
    get open() {
      return streams.size;
    },
    handle(request, response) {
      if (request.method !== 'GET') return refuse(response, 405, 'Use GET for the event stream.');
      const origin = request.headers.origin;
      if (origin !== undefined && !options.origins.has(origin))
        return refuse(response, 403, 'Cross-origin event streams are not allowed.');
      if (streams.size >= maxStreams) streams.values().next().value?.end();

      response.writeHead(200, {
        ...securityHeaders,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      // Tell EventSource how soon to reconnect after a drop; the first bytes also flush the headers.
      response.write('retry: 2000\n\n');
      streams.add(response);
      const write = (text: string) => {
        if (response.writableLength > maxBufferedBytes) response.end();
        else response.write(text);
      };
      const unsubscribe = options.subscribe((channel, event) =>
        write(`event: ${channel}\ndata: ${JSON.stringify(event)}\n\n`),
      );
      const heartbeat = setInterval(() => write(': keep-alive\n\n'), heartbeatMs);
      heartbeat.unref();
      response.once('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(response);
      });
    },
    closeAll() {
      for (const stream of streams) stream.end();
    },
  };
}
