/** Browser-mode server limits against real sockets: nothing unauthenticated costs more than a socket briefly. */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../main/api/handlers';
import { connectionCap } from '../../main/web/limits';
import { startWebServer, type RunningWebServer } from '../../main/web/server';
import { createTestContext, type TestContext } from '../support/context';
import { tempDir } from '../support/temp';

let test: TestContext;
let server: RunningWebServer;
const staticDir = tempDir('jpa-static-');

beforeAll(async () => {
  test = await createTestContext();
  server = await startWebServer({
    handlers: createHandlers(test.context),
    staticDir: staticDir.path,
    limits: { headersTimeoutMs: 1000, idleTimeoutMs: 1500, maxBodyBytes: 64 * 1024, maxConnections: 40 },
  });
});
afterAll(async () => {
  await server.close();
  await test.cleanup();
  staticDir.remove();
});

/** Sends raw bytes and collects what comes back until the server closes the socket. */
function raw(
  head: string,
  bodyBytes = 0,
  chunked = false,
): Promise<{ text: string; closedAfterMs: number; sentBody: number }> {
  return new Promise((resolve) => {
    const socket: Socket = connect(server.port, '127.0.0.1');
    const started = Date.now();
    let text = '';
    let sentBody = 0;
    socket.on('error', () => {});
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('close', () => resolve({ text, closedAfterMs: Date.now() - started, sentBody }));
    socket.on('connect', () => {
      socket.write(head);
      const data = Buffer.alloc(64 * 1024, 0x61);
      const chunk = chunked
        ? Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')])
        : data;
      const pump = (): void => {
        while (sentBody < bodyBytes && !socket.destroyed) {
          sentBody += chunk.length;
          if (!socket.write(chunk)) return void socket.once('drain', pump);
        }
      };
      pump();
    });
  });
}

const host = () => `Host: 127.0.0.1:${server.port}\r\n`;

describe('browser-mode server limits', () => {
  it('an unauthenticated 200 MiB body is refused with 401 and the connection closed, unread', async () => {
    const answer = await raw(
      `POST /api/getSettings HTTP/1.1\r\n${host()}Content-Type: application/json\r\nContent-Length: ${200 * 1024 * 1024}\r\n\r\n`,
      200 * 1024 * 1024,
    );
    expect(answer.text).toMatch(/^HTTP\/1\.1 401/);
    expect(answer.sentBody).toBeLessThan(50 * 1024 * 1024);
  });

  it('an authenticated body over the limit gets 413 and a closed connection, without being held', async () => {
    const answer = await raw(
      `POST /api/getSettings HTTP/1.1\r\n${host()}Authorization: Bearer ${server.token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
      64 * 1024 * 1024,
      true,
    );
    expect(answer.text).toMatch(/^HTTP\/1\.1 413/);
    expect(answer.text).toContain('larger than 64 KiB');
    expect(answer.sentBody).toBeLessThan(32 * 1024 * 1024);
  });

  it('a declared Content-Length over the limit is refused before any body byte', async () => {
    const answer = await raw(
      `POST /api/getSettings HTTP/1.1\r\n${host()}Authorization: Bearer ${server.token}\r\nContent-Type: application/json\r\nContent-Length: 999999999\r\n\r\n`,
    );
    expect(answer.text).toMatch(/^HTTP\/1\.1 413/);
  });

  it('slow headers (a byte at a time, never finished) are dropped by the headers timeout', async () => {
    const socket = connect(server.port, '127.0.0.1');
    socket.on('error', () => {});
    const started = Date.now();
    const timer = setInterval(() => socket.write('X'), 200);
    socket.write('GET / HTTP/1.1\r\n');
    await new Promise((resolve) => socket.once('close', resolve));
    clearInterval(timer);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('past the connection cap the oldest idle socket is closed, and a real call still answers', async () => {
    const idle: Socket[] = [];
    for (let index = 0; index < 60; index += 1) {
      const socket = connect(server.port, '127.0.0.1');
      socket.on('error', () => {});
      idle.push(socket);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const answer = await fetch(`${server.origin}/api/getSettings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
      body: '{}',
    });
    expect(answer.status).toBe(200);
    const closed = idle.filter((socket) => socket.destroyed || socket.readyState === 'closed').length;
    expect(closed).toBeGreaterThan(0);
    idle.forEach((socket) => socket.destroy());
  });

  it('a call that takes longer than the idle timeout is still answered', async () => {
    const handlers = createHandlers(test.context);
    const slow = await startWebServer({
      handlers: {
        ...handlers,
        getSettings: async (request) => {
          await new Promise((resolve) => setTimeout(resolve, 2500));
          return handlers.getSettings(request);
        },
      },
      staticDir: staticDir.path,
      limits: { idleTimeoutMs: 1000 },
    });
    try {
      const answer = await fetch(`${slow.origin}/api/getSettings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${slow.token}` },
        body: '{}',
      });
      expect(answer.status).toBe(200);
    } finally {
      await slow.close();
    }
  });

  it('sizes the connection cap from the open-files limit', () => {
    expect(connectionCap(1024)).toBe(256);
    expect(connectionCap(256)).toBe(64);
    expect(connectionCap(64)).toBe(32);
    expect(connectionCap(undefined)).toBe(128);
  });
});
