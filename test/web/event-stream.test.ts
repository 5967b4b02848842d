/**
 * Progress by push in the browser mode, as `npm run web` wires it: the real handler host in a child process,
 * the real loopback server, and job events read as Server-Sent Events from GET /api/events — authenticated
 * like API calls, bounded in number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forkNodeHost, startNodeHost } from '../../main/host/node-host';
import { createFileLogger } from '../../main/logging/logger';
import { Redactor } from '../../main/logging/redactor';
import { startWebServer, type RunningWebServer } from '../../main/web/server';
import { generateSyntheticTenant, toDownloadUsersCsv } from '../../shared/source-data';
import { hostEntry } from '../electron/harness';
import { tempDir } from '../support/temp';

const dir = tempDir();
const staticDir = tempDir('jpa-static-');
let host: Awaited<ReturnType<typeof startNodeHost>>;
let server: RunningWebServer;

beforeAll(async () => {
  host = await startNodeHost({
    dataDir: dir.path,
    logger: createFileLogger(dir.path, new Redactor()),
    host: forkNodeHost(hostEntry, ['--import', 'tsx']),
    onUnexpectedExit: () => undefined,
  });
  server = await startWebServer({ handlers: host.handlers, events: host.events, staticDir: staticDir.path });
}, 30_000);
afterAll(async () => {
  await server?.close();
  await host?.stop();
  dir.remove();
  staticDir.remove();
});

const auth = () => ({ authorization: `Bearer ${server.token}` });

async function call(channel: string, body: unknown): Promise<{ ok: boolean; value?: unknown }> {
  const response = await fetch(`${server.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth() },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { ok: boolean; value?: unknown };
}

interface Received {
  channel: string;
  event: { type: string; jobId: string; outcome?: string; progress?: Record<string, number | string> };
}

/** An SSE reader over fetch: records as they arrive, until `until` says stop or the stream ends. */
async function openStream() {
  const controller = new AbortController();
  const response = await fetch(`${server.origin}/api/events`, { headers: auth(), signal: controller.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const received: Received[] = [];
  let ended = false;
  return {
    response,
    received,
    get ended() {
      return ended;
    },
    async until(done: (all: Received[]) => boolean, timeoutMs = 15_000): Promise<Received[]> {
      const deadline = Date.now() + timeoutMs;
      while (!done(received)) {
        if (Date.now() > deadline) throw new Error(`timed out; got ${JSON.stringify(received)}`);
        const { value, done: finished } = await reader.read();
        if (finished) {
          ended = true;
          break;
        }
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const record = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const channel = /^event: (.+)$/m.exec(record)?.[1];
          const data = /^data: (.+)$/m.exec(record)?.[1];
          if (channel && data) received.push({ channel, event: JSON.parse(data) });
        }
      }
      return received;
    },
    close: () => controller.abort(),
  };
}

const finishedOn = (channel: string) => (all: Received[]) =>
  all.some((item) => item.channel === channel && item.event.type === 'finished');

describe('GET /api/events', () => {
  it('is refused without the token, from another origin, and for other methods', async () => {
    expect((await fetch(`${server.origin}/api/events`)).status).toBe(401);
    const foreign = await fetch(`${server.origin}/api/events`, {
      headers: { ...auth(), origin: 'http://evil.example' },
    });
    expect(foreign.status).toBe(403);
    const post = await fetch(`${server.origin}/api/events`, { method: 'POST', headers: auth() });
    expect(post.status).toBe(405);
  });

  it('pushes a dry run’s started, progress and finished events; the status then shows the cycle', async () => {
    expect((await call('generateSyntheticUsers', { count: 300, seed: 4 })).ok).toBe(true);
    const stream = await openStream();
    expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect((await call('startDryRun', { target: 'mock', patchDialect: 'default', fresh: true })).ok).toBe(
      true,
    );
    const events = (await stream.until(finishedOn('dryRunJob'))).filter(
      (item) => item.channel === 'dryRunJob',
    );
    stream.close();

    expect(events[0]?.event.type).toBe('started');
    const progress = events
      .filter((item) => item.event.type === 'progress')
      .map((item) => item.event.progress!);
    expect(progress.length).toBeGreaterThan(0);
    const processed = progress.map((item) => item.processed as number);
    expect([...processed].sort((a, b) => a - b)).toEqual(processed);
    expect(events.at(-1)?.event).toMatchObject({ type: 'finished', outcome: 'succeeded' });
    const status = (await call('getDryRunStatus', {})).value as { running: boolean; cyclesRun: number };
    expect(status).toMatchObject({ running: false, cyclesRun: 1 });
    expect(processed.at(-1)).toBe(progress.at(-1)!.total);
  });

  it('pushes an import’s bytes and rows, ending with the users imported', async () => {
    const csv = toDownloadUsersCsv(generateSyntheticTenant({ users: 1500, seed: 9 }).users);
    const stream = await openStream();
    const answer = await call('importUsers', { files: [{ name: 'users.csv', text: csv }] });
    expect(answer.ok).toBe(true);
    const events = (await stream.until(finishedOn('importJob'))).filter(
      (item) => item.channel === 'importJob',
    );
    stream.close();
    const last = events.filter((item) => item.event.type === 'progress').at(-1)!.event.progress!;
    expect(last).toEqual({
      fileName: 'users.csv',
      totalBytes: Buffer.byteLength(csv),
      bytesRead: Buffer.byteLength(csv),
      rows: (answer.value as { users: { count: number } }).users.count,
    });
    expect(last.rows).toBe(1500);
  });

  it('holds at most four streams: a fifth closes the oldest', async () => {
    const streams = [];
    for (let index = 0; index < 5; index += 1) streams.push(await openStream());
    await streams[0]!.until(() => false, 5_000).catch(() => undefined);
    expect(streams[0]!.ended).toBe(true);
    // The newest still works.
    expect((await call('generateSyntheticUsers', { count: 10, seed: 1 })).ok).toBe(true);
    const csv = toDownloadUsersCsv(generateSyntheticTenant({ users: 5, seed: 2 }).users);
    await call('importUsers', { files: [{ name: 'few.csv', text: csv }] });
    await streams[4]!.until(finishedOn('importJob'));
    streams.forEach((stream) => stream.close());
  });
});
