import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CORE,
  createUser,
  entraCreateBody,
  EXT,
  expectScimError,
  LIST,
  patchBody,
  startClient,
  type Client,
} from './helpers';

let client: Client;
beforeAll(async () => {
  client = await startClient();
});
afterAll(() => client.mock.close());
beforeEach(() => client.mock.reset());

describe('Test Connection and transport', () => {
  it('answers the Test Connection query (+ for spaces, %22 quotes) with an empty ListResponse', async () => {
    const reply = await client.call(
      'GET',
      '/Users?filter=userName+eq+%22cf4d78e8-cc4f-4d5d-b8b9-183561c0104a%22',
    );
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/scim+json');
    expect(reply.body).toMatchObject({ schemas: [LIST], totalResults: 0, Resources: [], startIndex: 1 });
  });

  it('matches userName with %20 spaces, any-case attribute/operator and any-case value', async () => {
    const id = await createUser(client, 'Jo.Smith@Example.com');
    for (const query of [
      'filter=userName%20eq%20%22jo.smith@example.com%22',
      'filter=USERNAME+EQ+%22JO.SMITH@EXAMPLE.COM%22',
      'filter=' + encodeURIComponent(`${CORE}:userName eq "Jo.Smith@Example.com"`),
    ]) {
      const reply = await client.call('GET', `/Users?${query}`);
      expect(reply.body.totalResults).toBe(1);
      expect(reply.body.Resources[0].id).toBe(id);
    }
  });

  it('requires the bearer token everywhere, discovery included', async () => {
    for (const path of [
      '/ServiceProviderConfig',
      '/Schemas',
      '/ResourceTypes',
      '/Users',
      '/Groups',
      '/nope',
    ]) {
      expectScimError(await client.call('GET', path, undefined, { token: null }), 401);
      expectScimError(await client.call('GET', path, undefined, { token: 'wrong' }), 401);
    }
    const reply = await client.call('GET', '/Users', undefined, { token: null });
    expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('accepts bodies sent as application/json', async () => {
    const response = await fetch(`${client.mock.baseUrl}/Users`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${client.mock.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(entraCreateBody('json@example.com')),
    });
    expect(response.status).toBe(201);
  });
});

describe('discovery', () => {
  it('describes the service: patch and filter supported, bulk not, bearer auth', async () => {
    const { body } = await client.call('GET', '/ServiceProviderConfig');
    expect(body.patch.supported).toBe(true);
    expect(body.filter).toMatchObject({ supported: true, maxResults: expect.any(Number) });
    expect(body.bulk.supported).toBe(false);
    expect(body.etag.supported).toBe(false);
    expect(body.authenticationSchemes[0].type).toBe('oauthbearertoken');
  });

  it('lists only the User resource type, with the Jostle extension', async () => {
    const { body } = await client.call('GET', '/ResourceTypes');
    expect(body.totalResults).toBe(1);
    expect(body.Resources[0]).toMatchObject({
      id: 'User',
      schema: CORE,
      schemaExtensions: [{ schema: EXT }],
    });
    expect((await client.call('GET', '/ResourceTypes/User')).body.id).toBe('User');
    expectScimError(await client.call('GET', '/ResourceTypes/Group'), 404);
  });

  it('serves both schemas with every Jostle attribute', async () => {
    const { body } = await client.call('GET', '/Schemas');
    expect(body.Resources.map((schema: { id: string }) => schema.id)).toEqual([CORE, EXT]);
    const core = (await client.call('GET', `/Schemas/${CORE}`)).body;
    const names = core.attributes.map((attribute: { name: string }) => attribute.name);
    for (const name of [
      'userName',
      'active',
      'name',
      'emails',
      'displayName',
      'externalId',
      'phoneNumbers',
    ]) {
      expect(names).toContain(name);
    }
    const emails = core.attributes.find((attribute: { name: string }) => attribute.name === 'emails');
    const type = emails.subAttributes.find((sub: { name: string }) => sub.name === 'type');
    expect(type.canonicalValues).toEqual(['work', 'personal', 'alternate1', 'alternate2']);
    const ext = (await client.call('GET', `/Schemas/${encodeURIComponent(EXT)}`)).body;
    const extNames = ext.attributes.map((attribute: { name: string }) => attribute.name);
    expect(extNames).toEqual(
      expect.arrayContaining(['alternateEmail1Label', 'alternateEmail2Label', 'address2Country']),
    );
    expectScimError(await client.call('GET', '/Schemas/urn:nope'), 404);
  });

  it('answers /Groups with a 404 SCIM Error, as Jostle has no groups', async () => {
    expectScimError(await client.call('GET', '/Groups?filter=displayName+eq+%22x%22'), 404);
    expectScimError(await client.call('POST', '/Groups', { displayName: 'x' }), 404);
  });
});

describe('users: create, read, replace, delete', () => {
  it('creates from Entra’s body (explicit nulls tolerated): 201, Location, meta', async () => {
    const reply = await client.call('POST', '/Users', entraCreateBody('new@example.com'));
    expect(reply.status).toBe(201);
    expect(reply.body.id).toEqual(expect.any(String));
    expect(reply.headers.get('location')).toBe(`${client.mock.baseUrl}/Users/${reply.body.id}`);
    expect(reply.body.meta).toMatchObject({ resourceType: 'User', location: reply.headers.get('location') });
    expect(reply.body).toMatchObject({
      userName: 'new@example.com',
      active: true,
      externalId: 'ext-new@example.com',
    });
    expect(reply.body.title).toBeUndefined();
    const read = await client.call('GET', `/Users/${reply.body.id}`);
    expect(read.body).toEqual(reply.body);
  });

  it('accepts Jostle’s documented minimum body (no schemas)', async () => {
    const reply = await client.call('POST', '/Users', {
      name: { familyName: 'Sample_Last', givenName: 'Sample_First' },
      active: true,
      userName: 'sample',
    });
    expect(reply.status).toBe(201);
  });

  it.each([
    ['userName', { name: { givenName: 'a', familyName: 'b' } }],
    ['name.givenName', { userName: 'u', name: { familyName: 'b' } }],
    ['name.familyName', { userName: 'u', name: { givenName: 'a', familyName: null } }],
  ])('rejects a missing %s with invalidValue naming it', async (field, body) => {
    const reply = await client.call('POST', '/Users', body);
    expectScimError(reply, 400, 'invalidValue');
    expect(reply.body.detail).toContain(`'${field}'`);
  });

  it('rejects an email type Jostle does not know', async () => {
    const body = { ...entraCreateBody('t@example.com'), emails: [{ type: 'home', value: 'x@y' }] };
    expectScimError(await client.call('POST', '/Users', body), 400, 'invalidValue');
  });

  it('keeps userName unique regardless of case (409 uniqueness)', async () => {
    await createUser(client, 'dup@example.com');
    expectScimError(
      await client.call('POST', '/Users', entraCreateBody('DUP@example.com')),
      409,
      'uniqueness',
    );
  });

  it('creates exactly one user when many identical POSTs arrive at once', async () => {
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => client.call('POST', '/Users', entraCreateBody('race@example.com'))),
    );
    expect(replies.filter((reply) => reply.status === 201)).toHaveLength(1);
    for (const reply of replies.filter((r) => r.status !== 201)) expectScimError(reply, 409, 'uniqueness');
    expect(client.mock.userCount()).toBe(1);
  });

  it('rejects malformed JSON with invalidSyntax and bodies over 1 MiB with 413', async () => {
    expectScimError(
      await client.call('POST', '/Users', undefined, { raw: '{"userName":' }),
      400,
      'invalidSyntax',
    );
    const huge = JSON.stringify({ ...entraCreateBody('big@example.com'), title: 'x'.repeat(1024 * 1024) });
    expectScimError(await client.call('POST', '/Users', undefined, { raw: huge }), 413);
    expect(client.mock.userCount()).toBe(0);
  });

  it('replaces with PUT, keeping id and created, and enforcing uniqueness', async () => {
    const id = await createUser(client, 'put@example.com');
    await createUser(client, 'other@example.com');
    const before = (await client.call('GET', `/Users/${id}`)).body;
    const body = { ...entraCreateBody('put2@example.com'), title: 'Nurse' };
    const reply = await client.call('PUT', `/Users/${id}`, body);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ id, userName: 'put2@example.com', title: 'Nurse' });
    expect(reply.body.meta.created).toBe(before.meta.created);
    const clash = await client.call('PUT', `/Users/${id}`, entraCreateBody('OTHER@example.com'));
    expectScimError(clash, 409, 'uniqueness');
  });

  it('deletes with 204, then answers 404 to GET, PATCH and DELETE', async () => {
    const id = await createUser(client, 'gone@example.com');
    const deleted = await client.call('DELETE', `/Users/${id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expectScimError(await client.call('GET', `/Users/${id}`), 404);
    expectScimError(
      await client.call('PATCH', `/Users/${id}`, patchBody({ op: 'Replace', path: 'active', value: false })),
      404,
    );
    expectScimError(await client.call('DELETE', `/Users/${id}`), 404);
    expect(
      (await client.call('GET', '/Users?filter=userName+eq+%22gone@example.com%22')).body.totalResults,
    ).toBe(0);
  });

  it('answers an unsupported method with 405 and Allow', async () => {
    const reply = await client.call('DELETE', '/Users');
    expectScimError(reply, 405);
    expect(reply.headers.get('allow')).toBe('GET, POST');
  });
});

describe('filters', () => {
  it.each([
    ['emails eq "a@b.c"', /userName eq/],
    ['userName co "a"', /eq/],
    ['userName eq "a" or userName eq "b"', /combines/],
    ['userName eq "a" and active eq true', /userName eq/],
    ['userName eq', /userName eq/],
    ['(((', /Malformed/],
  ])('rejects %s with invalidFilter and says what is supported', async (filter, detail) => {
    const reply = await client.call('GET', `/Users?filter=${encodeURIComponent(filter)}`);
    expectScimError(reply, 400, 'invalidFilter');
    expect(reply.body.detail).toMatch(detail);
    expect(reply.body.detail).toContain('userName eq "value"');
  });
});

describe('pagination and attribute selection', () => {
  beforeEach(() => client.mock.generateUsers(12));

  it('pages with startIndex and count, as the gallery validation does', async () => {
    const first = (await client.call('GET', '/Users?startIndex=1&count=5')).body;
    const second = (await client.call('GET', '/Users?startIndex=6&count=5')).body;
    const third = (await client.call('GET', '/Users?startIndex=11&count=5')).body;
    expect([first.totalResults, first.startIndex, first.itemsPerPage]).toEqual([12, 1, 5]);
    expect([second.startIndex, second.itemsPerPage, third.itemsPerPage]).toEqual([6, 5, 2]);
    const ids = [...first.Resources, ...second.Resources, ...third.Resources].map(
      (user: { id: string }) => user.id,
    );
    expect(new Set(ids).size).toBe(12);
  });

  it('treats count=0 as totals only, negative count as 0 and startIndex < 1 as 1', async () => {
    const zero = (await client.call('GET', '/Users?count=0')).body;
    expect(zero).toMatchObject({ totalResults: 12, Resources: [], itemsPerPage: 0 });
    expect((await client.call('GET', '/Users?count=-3')).body.Resources).toEqual([]);
    const low = (await client.call('GET', '/Users?startIndex=-4&count=2')).body;
    expect(low.startIndex).toBe(1);
    expect(low.Resources[0].id).toBe((await client.call('GET', '/Users?count=1')).body.Resources[0].id);
    expectScimError(await client.call('GET', '/Users?count=ten'), 400, 'invalidValue');
  });

  it('applies attributes and excludedAttributes', async () => {
    const picked = (await client.call('GET', '/Users?count=1&attributes=userName,name.givenName')).body
      .Resources[0];
    expect(Object.keys(picked).sort()).toEqual(['id', 'name', 'schemas', 'userName']);
    expect(Object.keys(picked.name)).toEqual(['givenName']);
    const trimmed = (await client.call('GET', '/Users?count=1&excludedAttributes=emails,meta')).body
      .Resources[0];
    expect(trimmed.emails).toBeUndefined();
    expect(trimmed.meta).toBeUndefined();
    expect(trimmed.userName).toEqual(expect.any(String));
  });
});
