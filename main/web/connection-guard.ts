/**
 * Keeps the number of sockets bounded without letting a flood lock out the admin's own browser: when the
 * cap is reached, the oldest socket that is not in the middle of a request is closed to make room; only when
 * every socket is busy is the new one refused, with a plain "503 too many connections".
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from '../logging/logger';

const REFUSAL_TEXT = 'Too many connections to the assistant; close some and try again.';
const REFUSAL =
  'HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n' +
  `Content-Length: ${Buffer.byteLength(REFUSAL_TEXT)}\r\n\r\n${REFUSAL_TEXT}`;

export class ConnectionGuard {
  /** Insertion order = age, so the first idle entry is the oldest idle socket. */
  private readonly sockets = new Map<Socket, { busy: number }>();
  private lastWarning = 0;
  private evicted = 0;

  constructor(
    private readonly cap: number,
    private readonly logger?: Logger,
  ) {}

  get open(): number {
    return this.sockets.size;
  }

  attach(server: Server): void {
    server.on('connection', (socket: Socket) => this.admit(socket));
  }

  private admit(socket: Socket): void {
    socket.on('error', () => {});
    if (this.sockets.size >= this.cap && !this.evictOldestIdle()) {
      this.warn('refused');
      socket.end(REFUSAL);
      socket.destroySoon?.();
      setTimeout(() => socket.destroy(), 1000).unref();
      return;
    }
    this.sockets.set(socket, { busy: 0 });
    socket.once('close', () => this.sockets.delete(socket));
  }

  /** Whether a request on this socket is still being answered (a probe run can take a while). */
  isBusy(socket: Socket): boolean {
    return (this.sockets.get(socket)?.busy ?? 0) > 0;
  }

  /** Marks a socket busy for the life of one request, so it is never evicted mid-answer. */
  busy(socket: Socket): () => void {
    const entry = this.sockets.get(socket);
    if (!entry) return () => {};
    entry.busy += 1;
    // Move to the end: it was just used, so it is the last candidate for eviction.
    this.sockets.delete(socket);
    this.sockets.set(socket, entry);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      entry.busy -= 1;
    };
  }

  private evictOldestIdle(): boolean {
    for (const [socket, entry] of this.sockets) {
      if (entry.busy > 0) continue;
      this.sockets.delete(socket);
      socket.destroy();
      this.evicted += 1;
      this.warn('evicted');
      return true;
    }
    return false;
  }

  /** At most one log line per 10 s: a flood must not turn into a flood of log lines. */
  private warn(what: 'evicted' | 'refused'): void {
    const now = Date.now();
    if (now - this.lastWarning < 10_000) return;
    this.lastWarning = now;
    this.logger?.log('warn', 'too many connections to the browser-mode server', {
      open: this.sockets.size,
      cap: this.cap,
      action: what === 'evicted' ? 'closed the oldest idle connection' : 'refused a new connection',
      idleClosedSoFar: this.evicted,
    });
  }
}

/** A tiny counting semaphore with a bounded queue for API calls. */
export class CallSlots {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly max: number,
    private readonly maxQueued: number,
  ) {}

  /** Resolves with a release function, or null when the queue is full too. */
  async acquire(): Promise<(() => void) | null> {
    if (this.running >= this.max) {
      if (this.waiting.length >= this.maxQueued) return null;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    };
  }
}
