/**
 * Test Connection sent as Entra sends it: SCIM-DEV ("Getting started": a filter on the matching property
 * for a random GUID, expecting 200 and an empty ListResponse), 3P-SCIMREF63 (the wire form) and 3P-KORTIX
 * (no User-Agent). A plain loopback HTTP server records exactly what arrives.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ProbeContext } from '../../main/probes/context';
import { createScimClient } from '../../main/scim/client';

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

async function recordingServer(): Promise<{ baseUrl: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createServer((request, response) => {
    seen.push({ url: request.url ?? '', headers: request.headers });
    response.writeHead(200, { 'content-type': 'application/scim+json' });
    response.end(
      JSON.stringify({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
        totalResults: 0,
        Resources: [],
        startIndex: 1,
        itemsPerPage: 0,
      }),
    );
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { baseUrl: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/scim2`, seen };
}

const contextFor = (baseUrl: string, matchingAttribute: string) =>
  new ProbeContext(
    createScimClient({ baseUrl, token: 'test-token-123', env: {} }),
    undefined,
    [],
    matchingAttribute,
  );

describe('Test Connection as Entra sends it', () => {
  it('SCIM-DEV / 3P-SCIMREF63: GET /Users?filter=userName+eq+"<random GUID>", and 200 + empty list passes', async () => {
    const { baseUrl, seen } = await recordingServer();
    const outcome = await contextFor(baseUrl, 'userName').testConnection();
    expect(outcome.ok && outcome.response.status).toBe(200);
    expect(seen[0]!.url).toMatch(
      /^\/scim2\/Users\?filter=userName\+eq\+%22[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}%22$/,
    );
  });
  it('SCIM-DEV: the filter is on the configured matching attribute, not always userName', async () => {
    const { baseUrl, seen } = await recordingServer();
    await contextFor(baseUrl, 'externalId').testConnection();
    expect(decodeURIComponent(seen[0]!.url.replace(/\+/g, ' '))).toMatch(
      /filter=externalId eq "[0-9a-f-]{36}"$/,
    );
  });
  it('3P-KORTIX: Entra sends no User-Agent on Test Connection, so neither does the probe; other probes do', async () => {
    const { baseUrl, seen } = await recordingServer();
    const context = contextFor(baseUrl, 'userName');
    await context.testConnection();
    await context.discovery('ServiceProviderConfig');
    expect(seen[0]!.headers['user-agent']).toBeUndefined();
    expect(seen[0]!.headers.authorization).toBe('Bearer test-token-123');
    expect(seen[1]!.headers['user-agent']).toMatch(/^JostleProvisioningAssistant\//);
  });
  it('SCIM-DEV: no /Groups request, because Jostle has no groups', async () => {
    const { baseUrl, seen } = await recordingServer();
    await contextFor(baseUrl, 'userName').testConnection();
    expect(seen.some((request) => request.url.includes('/Groups'))).toBe(false);
  });
});
