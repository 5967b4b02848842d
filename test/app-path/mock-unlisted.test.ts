/** Mock Jostle's assumptions A1–A3 (docs/mock-jostle.md) on the bodies a custom app's generic defaults send. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entraCreateBody, expectScimError, startClient, type Client } from '../mock-jostle/helpers';

let client: Client;
beforeAll(async () => {
  client = await startClient();
});
afterAll(() => client.mock.close());

describe('Mock Jostle and values Jostle does not list', () => {
  it.each([
    ['addresses', { addresses: [{ type: 'work', streetAddress: '1 Main St' }] }],
    ['preferredLanguage', { preferredLanguage: 'en-GB' }],
    [
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
      { 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Sales' } },
    ],
  ])('refuses a create carrying %s, and stores nothing', async (name, extra) => {
    const userName = `refused-${name.length}@example.com`;
    const reply = await client.call('POST', '/Users', { ...entraCreateBody(userName), ...extra });
    expectScimError(reply, 400, 'invalidValue');
    expect(reply.body.detail).toContain(name);
    expect(client.mock.findUserByUserName(userName)).toBeUndefined();
  });

  it('refuses a phone type Jostle does not list', async () => {
    const body = {
      ...entraCreateBody('mobile@example.com'),
      phoneNumbers: [{ type: 'mobile', value: '+1' }],
    };
    expectScimError(await client.call('POST', '/Users', body), 400, 'invalidValue');
  });

  it('accepts empty values and drops name.formatted, as in Microsoft’s own create example', async () => {
    const reply = await client.call('POST', '/Users', {
      ...entraCreateBody('plain@example.com'),
      addresses: [],
      preferredLanguage: '',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: null },
    });
    expect(reply.status).toBe(201);
    expect(reply.body.name).toEqual({ givenName: 'givenName', familyName: 'familyName' });
  });
});
