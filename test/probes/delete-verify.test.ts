/**
 * A server that answers DELETE with 204 but keeps the user: a real Mock Jostle behind a loopback proxy that
 * swallows DELETEs. The write probes must verify with a GET, report the user as left behind by id, and the
 * run must not count as a pass.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { startMockJostle, type MockJostle } from '../../main/mock-jostle';
import { runProbes } from '../../main/probes';
import { formatReport } from '../../main/cli/commands/probe';

let mock: MockJostle;
let proxy: Server;
let baseUrl: string;

beforeAll(async () => {
  mock = await startMockJostle({ seedUsers: 1 });
  const target = new URL(mock.baseUrl);
  proxy = createServer((incoming, outgoing) => {
    if (incoming.method === 'DELETE') {
      incoming.resume();
      outgoing.writeHead(204).end();
      return;
    }
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      request(`${target.origin}${incoming.url}`, {
        method: incoming.method as 'GET',
        headers: { ...incoming.headers, host: target.host },
        body,
      }).then(
        async (answer) => {
          const text = await answer.body.text();
          outgoing.writeHead(answer.statusCode, {
            'content-type': String(answer.headers['content-type'] ?? ''),
          });
          outgoing.end(text);
        },
        () => outgoing.writeHead(502).end(),
      );
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}${target.pathname}`;
});

afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
  await mock.close();
});

describe('DELETE answered 204 while the user is still there', () => {
  it('fails write-delete, reports the leftover by id, and the run is not ok', async () => {
    const report = await runProbes({ baseUrl, token: mock.token, write: true, clientOptions: { env: {} } });
    const deleted = report.probes.find((probe) => probe.id === 'write-delete');
    expect(deleted).toMatchObject({ status: 'fail', finding: 'writeNotApplied' });
    expect(deleted?.summary).toMatch(/still finds the user/);
    expect(report.leftovers).toHaveLength(1);
    const [leftover] = report.leftovers;
    expect(leftover?.id).toMatch(/\S/);
    expect(leftover?.note).toMatch(/still there/);
    expect(report.ok).toBe(false);
    expect(formatReport(report).join('\n')).toContain(
      `Left behind: user ${leftover?.userName} (id ${leftover?.id})`,
    );
    // Really still there on the server behind the proxy.
    const check = await request(`${mock.baseUrl}/Users/${leftover?.id}`, {
      headers: { authorization: `Bearer ${mock.token}` },
    });
    expect(check.statusCode).toBe(200);
    await check.body.dump();
  });

  it('a run where nothing could be verified is not ok', async () => {
    const controller = new AbortController();
    controller.abort();
    const report = await runProbes({
      baseUrl,
      token: mock.token,
      signal: controller.signal,
      clientOptions: { env: {} },
    });
    expect(report.counts.fail).toBe(0);
    expect(report.ok).toBe(false);
  });
});
