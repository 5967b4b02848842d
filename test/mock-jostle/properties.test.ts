import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreUserSchema, jostleUserExtensionSchema } from '../../shared/jostle/schema';
import { createUser, ERROR, EXT, PATCH_OP, startClient, type Client, type Reply } from './helpers';

/*
 * Property-based robustness: random and malformed filters, paths, PATCH bodies and JSON. Whatever arrives,
 * the server answers (no crash), never with a 5xx (no faults are injected here), and every error is a SCIM
 * Error with status as a string and a scimType that fits the status. Run counts stay modest: the CI box
 * has two cores shared with other work.
 */

const RUNS = 120;
const BAD_REQUEST_TYPES = ['invalidFilter', 'invalidSyntax', 'invalidPath', 'noTarget', 'invalidValue'];

let client: Client;
let id: string;
beforeAll(async () => {
  client = await startClient();
  id = await createUser(client, 'prop@example.com');
  await createUser(client, 'other@example.com');
});
afterAll(() => client.mock.close());

function expectWellFormed(reply: Reply): void {
  expect(reply.status).toBeLessThan(500);
  if (reply.status < 400) return;
  expect(reply.headers.get('content-type')).toBe('application/scim+json');
  expect(reply.body.schemas).toEqual([ERROR]);
  expect(reply.body.status).toBe(String(reply.status));
  expect(typeof reply.body.detail).toBe('string');
  if (reply.status === 400) expect(BAD_REQUEST_TYPES).toContain(reply.body.scimType);
  if (reply.status === 409) expect(reply.body.scimType).toBe('uniqueness');
}

const attributeNames = [
  ...coreUserSchema.attributes.map((a) => a.name),
  ...jostleUserExtensionSchema.attributes.map((a) => `${EXT}:${a.name}`),
];
const word = fc.constantFrom(
  'userName',
  'USERNAME',
  'emails',
  'name.givenName',
  'type',
  'value',
  'active',
  'x',
  'urn:x:y',
);
const filterToken = fc.oneof(
  word,
  fc.constantFrom(
    'eq',
    'EQ',
    'ne',
    'co',
    'sw',
    'pr',
    'gt',
    'and',
    'or',
    'not',
    '(',
    ')',
    '[',
    ']',
    '"',
    '.',
    ' ',
  ),
  fc.string({ maxLength: 6 }).map((s) => JSON.stringify(s)),
  fc.string({ maxLength: 6 }),
  fc.constantFrom('true', 'null', '42', '"a\\"b"'),
);
const randomFilter = fc.oneof(
  fc.array(filterToken, { maxLength: 8 }).map((t) => t.join(' ')),
  fc.string({ maxLength: 40 }),
);

describe('properties', () => {
  it('random and malformed filters: 200 ListResponse or 400 invalidFilter', async () => {
    await fc.assert(
      fc.asyncProperty(randomFilter, async (filter) => {
        const reply = await client.call('GET', `/Users?filter=${encodeURIComponent(filter)}`);
        expectWellFormed(reply);
        if (reply.status === 200) expect(typeof reply.body.totalResults).toBe('number');
        else expect(reply.body.scimType).toBe('invalidFilter');
      }),
      { numRuns: RUNS },
    );
  });

  it('any quoted userName value filters without error and finds only that user', async () => {
    const value = fc.string({ maxLength: 30 }).filter((s) => !/["\\]/.test(s));
    await fc.assert(
      fc.asyncProperty(value, async (userName) => {
        const query = `userName eq ${JSON.stringify(userName)}`.replaceAll(' ', '+');
        const reply = await client.call(
          'GET',
          `/Users?filter=${query.replace(/[^A-Za-z0-9+]/g, (c) => encodeURIComponent(c))}`,
        );
        expect(reply.status).toBe(200);
        const expected = ['prop@example.com', 'other@example.com'].includes(userName.toLowerCase()) ? 1 : 0;
        expect(reply.body.totalResults).toBe(expected);
      }),
      { numRuns: RUNS },
    );
  });

  const path = fc.oneof(
    fc.constantFrom(...attributeNames),
    fc.constantFrom(
      'emails[type eq "work"].value',
      'emails[type eq "personal"]',
      'phoneNumbers[type eq "homephone"].value',
    ),
    fc.constantFrom(
      'name.givenName',
      'name.middleName',
      'emails.value',
      'emails[',
      'emails[type co "w"]',
      EXT,
      'urn:a:b:c',
    ),
    fc.string({ maxLength: 20 }),
    fc.constant(undefined),
  );
  const op = fc.constantFrom('add', 'Add', 'REPLACE', 'replace', 'Remove', 'remove', 'move', '', 5, null);
  const value = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom('True', 'False', 'maybe', true, false, null),
    fc.dictionary(
      fc.constantFrom(...attributeNames, 'name.givenName', 'bogus'),
      fc.jsonValue({ maxDepth: 1 }),
      { maxKeys: 3 },
    ),
  );
  const operation = fc.record({ op, path, value }, { requiredKeys: ['op'] });

  it('random PATCH bodies: 200, or a typed 400/409 that changes nothing (atomic)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 0, maxLength: 4 }), async (operations) => {
        const before = structuredClone(client.mock.findUserById(id));
        const reply = await client.call('PATCH', `/Users/${id}`, {
          schemas: [PATCH_OP],
          Operations: operations,
        });
        expectWellFormed(reply);
        if (reply.status !== 200) expect(client.mock.findUserById(id)).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('the right scimType for known failure classes', async () => {
    const unknownName = fc
      .stringMatching(/^[a-z][a-zA-Z0-9]{0,12}$/)
      .filter((name) => !attributeNames.some((known) => known.toLowerCase() === name.toLowerCase()));
    const notBoolean = fc.string({ maxLength: 8 }).filter((s) => !/^(true|false)$/i.test(s));
    await fc.assert(
      fc.asyncProperty(unknownName, notBoolean, async (name, text) => {
        const patch = (operation: unknown) =>
          client.call('PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations: [operation] });
        expect((await patch({ op: 'replace', path: name, value: 'x' })).body.scimType).toBe('invalidPath');
        expect((await patch({ op: 'remove' })).body.scimType).toBe('noTarget');
        expect((await patch({ op: 'Replace', path: 'active', value: text })).body.scimType).toBe(
          'invalidValue',
        );
      }),
      { numRuns: 40 },
    );
  });

  it('random JSON and non-JSON POST bodies: 201, or invalidSyntax/invalidValue/uniqueness', async () => {
    const body = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 40 }),
      fc
        .record({
          userName: fc.oneof(fc.string({ maxLength: 10 }), fc.constant(null), fc.integer()),
          name: fc.oneof(fc.record({ givenName: fc.string(), familyName: fc.string() }), fc.constant(null)),
          active: fc.oneof(fc.boolean(), fc.constantFrom('True', 'False', 'yes')),
          emails: fc.oneof(
            fc.constant(null),
            fc.array(fc.record({ type: fc.string({ maxLength: 10 }), value: fc.string() })),
          ),
        })
        .map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(body, async (raw) => {
        const reply = await client.call('POST', '/Users', undefined, { raw });
        expectWellFormed(reply);
        let parses = true;
        try {
          JSON.parse(raw);
        } catch {
          parses = false;
        }
        if (!parses) expect(reply.body.scimType).toBe('invalidSyntax');
        if (reply.status === 201) await client.call('DELETE', `/Users/${reply.body.id}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('random paths, methods and query strings never produce a 5xx', async () => {
    const segment = fc.oneof(
      fc.constantFrom(
        'Users',
        'users',
        'Groups',
        'Schemas',
        'ResourceTypes',
        'ServiceProviderConfig',
        '..',
        '%',
        '%zz',
        id,
      ),
      fc.string({ maxLength: 10 }).map(encodeURIComponent),
    );
    const method = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS');
    const query = fc.oneof(
      fc.constant(''),
      fc.constantFrom(
        '?count=x',
        '?startIndex=1e3',
        '?attributes=,,,',
        '?excludedAttributes=name.',
        '?filter=',
      ),
      fc.string({ maxLength: 20 }).map((s) => `?${s}`),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { maxLength: 3 }), method, query, async (segments, verb, search) => {
        const url = `${client.mock.baseUrl}/${segments.join('/')}${search}`;
        let response: Response;
        try {
          response = await fetch(url, {
            method: verb,
            headers: {
              Authorization: `Bearer ${client.mock.token}`,
              'Content-Type': 'application/scim+json',
            },
            body: verb === 'GET' || verb === 'DELETE' || verb === 'OPTIONS' ? undefined : '{}',
          });
        } catch {
          return; // fetch itself refused the URL; nothing reached the server
        }
        const text = await response.text();
        expectWellFormed({
          status: response.status,
          headers: response.headers,
          body: text ? JSON.parse(text) : undefined,
        });
      }),
      { numRuns: RUNS },
    );
    expect((await client.call('GET', '/ServiceProviderConfig')).status).toBe(200);
  });
});
