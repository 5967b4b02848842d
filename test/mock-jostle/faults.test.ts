import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseFaultSpec, type FaultSpec } from '../../main/mock-jostle';
import { faultsFor } from '../../main/mock-jostle/faults';
import { createUser, entraCreateBody, expectScimError, patchBody, startClient, type Client } from './helpers';

const TEST_CONNECTION = '/Users?filter=userName+eq+%22cf4d78e8-cc4f-4d5d-b8b9-183561c0104a%22';

let client: Client;
beforeAll(async () => {
  client = await startClient();
});
afterAll(() => client.mock.close());
beforeEach(() => {
  client.mock.reset();
  client.mock.setFaults([]);
});

describe('faults over HTTP (switched at runtime)', () => {
  it.each([
    ['unauthorized', 401, undefined],
    ['forbidden', 403, undefined],
    ['conflict', 409, 'uniqueness'],
    ['serverError', 500, undefined],
  ] as const)('%s answers %i as a SCIM Error on its endpoint only', async (kind, status, scimType) => {
    client.mock.setFaults([{ kind, endpoint: 'create' }]);
    const reply = await client.call('POST', '/Users', entraCreateBody('f@example.com'));
    expectScimError(reply, status, scimType);
    expect(client.mock.userCount()).toBe(0);
    expect((await client.call('GET', TEST_CONNECTION)).status).toBe(200);
    expect(client.mock.requestLog().at(-2)?.fault).toBe(kind);
  });

  it('tooManyRequests answers 429 with Retry-After', async () => {
    client.mock.setFaults([{ kind: 'tooManyRequests', endpoint: 'all', retryAfterSeconds: 120 }]);
    const reply = await client.call('GET', '/ServiceProviderConfig');
    expectScimError(reply, 429);
    expect(reply.headers.get('retry-after')).toBe('120');
  });

  it('filterNotFound answers 404 to the filter query but not to GET by id', async () => {
    const id = await createUser(client, 'here@example.com');
    client.mock.setFaults(parseFaultSpec('404'));
    expectScimError(await client.call('GET', TEST_CONNECTION), 404);
    expect((await client.call('GET', `/Users/${id}`)).status).toBe(200);
  });

  it('duplicateMatches returns two users for a filter, whether or not one exists', async () => {
    client.mock.setFaults([{ kind: 'duplicateMatches', endpoint: 'filter' }]);
    const none = (await client.call('GET', TEST_CONNECTION)).body;
    expect(none.totalResults).toBe(2);
    const id = await createUser(client, 'twin@example.com');
    const some = (await client.call('GET', '/Users?filter=userName+eq+%22TWIN@example.com%22')).body;
    expect(some.totalResults).toBe(2);
    expect(some.Resources.map((user: { id: string }) => user.id)).toContain(id);
    expect(new Set(some.Resources.map((user: { id: string }) => user.id)).size).toBe(2);
    expect(client.mock.userCount()).toBe(1);
  });

  it('latency delays the response but keeps it correct', async () => {
    client.mock.setFaults([{ kind: 'latency', endpoint: 'filter', latencyMs: 50 }]);
    expect((await client.call('GET', TEST_CONNECTION)).status).toBe(200);
    const entry = client.mock.requestLog().at(-1);
    expect(entry?.fault).toBe('latency');
    // A lower bound from the log, not a timing assertion on the test's own clock.
    expect(entry?.durationMs).toBeGreaterThanOrEqual(45);
  });

  it('noResponse never answers; the log records status null; close() still returns', async () => {
    const other = await startClient({ faults: [{ kind: 'noResponse', endpoint: 'patch' }] });
    const id = await createUser(other, 'hang@example.com');
    const response = fetch(`${other.mock.baseUrl}/Users/${id}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${other.mock.token}`, 'Content-Type': 'application/scim+json' },
      body: JSON.stringify(patchBody({ op: 'Replace', path: 'active', value: false })),
    });
    const outcome = response.then(
      () => 'answered',
      () => 'dropped',
    );
    await waitFor(() => other.mock.requestLog().some((entry) => entry.method === 'PATCH'));
    const entry = other.mock.requestLog().find((e) => e.method === 'PATCH');
    expect(entry).toMatchObject({ status: null, fault: 'noResponse' });
    expect(other.mock.findUserById(id)?.data.active).toBe(true);
    await other.mock.close();
    expect(await outcome).toBe('dropped');
  });

  it('a bad token is a 401 even when another fault is set', async () => {
    client.mock.setFaults([{ kind: 'serverError', endpoint: 'all' }]);
    expectScimError(await client.call('GET', TEST_CONNECTION, undefined, { token: 'nope' }), 401);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200 && !condition(); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(condition()).toBe(true);
}

describe('parseFaultSpec', () => {
  it('reads kinds, HTTP shorthands, endpoints and numbers', () => {
    expect(parseFaultSpec('429@create:120, latency:1500,noResponse@PATCH,404,duplicateMatches')).toEqual<
      FaultSpec[]
    >([
      { kind: 'tooManyRequests', endpoint: 'create', retryAfterSeconds: 120 },
      { kind: 'latency', endpoint: 'all', latencyMs: 1500 },
      { kind: 'noResponse', endpoint: 'patch' },
      { kind: 'filterNotFound', endpoint: 'filter' },
      { kind: 'duplicateMatches', endpoint: 'filter' },
    ]);
    expect(parseFaultSpec('')).toEqual([]);
    expect(parseFaultSpec('serverError')).toEqual([{ kind: 'serverError', endpoint: 'all' }]);
  });

  it.each([
    ['explode', /Unknown fault kind "explode"/],
    ['500@groups', /Unknown endpoint "groups"/],
    ['conflict:3', /takes no number/],
    ['duplicateMatches@create', /filter query only/],
    ['latency@all:-5', /KIND\[@ENDPOINT\]/],
    ['latency:99999999', /between 0/],
  ])('rejects %s clearly', (text, message) => {
    expect(() => parseFaultSpec(text)).toThrow(message);
  });

  it('rejects a bad spec through setFaults too, keeping the old faults', () => {
    client.mock.setFaults([{ kind: 'serverError', endpoint: 'get' }]);
    expect(() => client.mock.setFaults([{ kind: 'nope' as never, endpoint: 'all' }])).toThrow(
      /Unknown fault kind/,
    );
    expect(client.mock.faults()).toEqual([{ kind: 'serverError', endpoint: 'get' }]);
  });

  it('sums latency and picks the first status fault for an endpoint', () => {
    const hit = faultsFor(
      [
        { kind: 'latency', endpoint: 'all', latencyMs: 10 },
        { kind: 'latency', endpoint: 'get', latencyMs: 5 },
        { kind: 'forbidden', endpoint: 'delete' },
        { kind: 'serverError', endpoint: 'get' },
      ],
      'get',
    );
    expect(hit.latencyMs).toBe(15);
    expect(hit.fault?.kind).toBe('serverError');
  });
});
