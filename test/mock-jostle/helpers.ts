import { expect } from 'vitest';
import { startMockJostle, type MockJostle, type MockJostleOptions } from '../../main/mock-jostle';

export const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const EXT = 'urn:ietf:params:scim:schemas:extension:jostle:2.0:User';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

export interface Reply {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test assertions walk arbitrary JSON
}

export interface Client {
  mock: MockJostle;
  call(
    method: string,
    path: string,
    body?: unknown,
    init?: { token?: string | null; raw?: string },
  ): Promise<Reply>;
}

/** Starts a mock on a random loopback port and returns a tiny SCIM client for it. */
export async function startClient(options: MockJostleOptions = {}): Promise<Client> {
  const mock = await startMockJostle(options);
  return {
    mock,
    async call(method, path, body, init = {}) {
      const headers: Record<string, string> = { Accept: 'application/scim+json, application/json' };
      const token = init.token === undefined ? mock.token : init.token;
      if (token !== null) headers.Authorization = `Bearer ${token}`;
      let payload: string | undefined = init.raw;
      if (body !== undefined) payload = JSON.stringify(body);
      if (payload !== undefined) headers['Content-Type'] = 'application/scim+json';
      const response = await fetch(`${mock.baseUrl}${path}`, { method, headers, body: payload });
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        body: text === '' ? undefined : JSON.parse(text),
      };
    },
  };
}

/** Every error must be a SCIM Error with status as a string (RFC 7644 §3.12). */
export function expectScimError(reply: Reply, status: number, scimType?: string): void {
  expect(reply.status).toBe(status);
  expect(reply.headers.get('content-type')).toBe('application/scim+json');
  expect(reply.body.schemas).toEqual([ERROR]);
  expect(reply.body.status).toBe(String(status));
  if (scimType !== undefined) expect(reply.body.scimType).toBe(scimType);
}

/** The create body Entra sends (SCIM-DEV "Create User"), with the explicit nulls from its Example 2. */
export function entraCreateBody(userName: string): Record<string, unknown> {
  return {
    schemas: [CORE, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
    externalId: `ext-${userName}`,
    userName,
    active: true,
    addresses: null,
    displayName: 'Test User',
    emails: [{ primary: true, type: 'work', value: userName }],
    meta: { resourceType: 'User' },
    name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
    phoneNumbers: null,
    title: null,
    roles: [],
  };
}

export async function createUser(client: Client, userName: string): Promise<string> {
  const reply = await client.call('POST', '/Users', entraCreateBody(userName));
  expect(reply.status).toBe(201);
  return reply.body.id as string;
}

export const patchBody = (...operations: unknown[]): Record<string, unknown> => ({
  schemas: [PATCH_OP],
  Operations: operations,
});
