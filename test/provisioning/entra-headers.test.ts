/**
 * The headers a dry run sends, seen on the wire by a recording relay in front of the real Mock Jostle.
 * 3P-KORTIX: Entra was seen sending no User-Agent (on Test Connection); the dry run's requests imitate it, so a
 * proxy or WAF that refuses UA-less requests fails here as it would fail Entra (assumed for provisioning calls:
 * docs/entra-fidelity.md F25).
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProvisioningEngine } from '../../main/provisioning';
import { startMockJostle, type MockJostle } from '../../main/mock-jostle';
import { smallTenant, snapshotOf } from './helpers';

let mock: MockJostle;
let relay: Server;
const seen: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  mock = await startMockJostle({});
  const target = new URL(mock.baseUrl);
  relay = createServer((incoming, outgoing) => {
    seen.push(incoming.headers);
    const forwarded = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: incoming.url,
        method: incoming.method,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise<void>((resolve) => relay.close(() => resolve()));
  await mock.close();
});

describe('3P-KORTIX: the requests of a dry run', () => {
  it('carry the bearer token and SCIM content types, and no User-Agent', async () => {
    const { port } = relay.address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${port}${new URL(mock.baseUrl).pathname}`;
    const engine = createProvisioningEngine({
      target: { kind: 'mock', baseUrl, token: mock.token },
      concurrency: 2,
      clientOptions: { env: {} },
    });
    const { users, assignments } = smallTenant(3);
    const report = await engine.runCycle(snapshotOf(users, assignments));
    await engine.close();
    expect(report.counts.Create.Success).toBe(3);
    expect(seen.length).toBeGreaterThanOrEqual(6);
    for (const headers of seen) {
      expect(headers['user-agent']).toBeUndefined();
      expect(headers.authorization).toBe(`Bearer ${mock.token}`);
    }
    expect(seen.some((headers) => headers['content-type']?.startsWith('application/scim+json'))).toBe(true);
  });
});
