import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyPatch } from '../../main/mock-jostle/patch';
import { ScimHttpError } from '../../main/mock-jostle/errors';
import type { UserData } from '../../main/mock-jostle';
import { createUser, EXT, expectScimError, patchBody, startClient, type Client } from './helpers';

let client: Client;
let id: string;
beforeAll(async () => {
  client = await startClient();
});
afterAll(() => client.mock.close());
beforeEach(async () => {
  client.mock.reset();
  id = await createUser(client, 'pat@example.com');
});

const patch = (...operations: unknown[]) => client.call('PATCH', `/Users/${id}`, patchBody(...operations));
const stored = () => client.mock.findUserById(id)?.data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('Entra PATCH without aadOptscim062020 (one capitalised op per attribute)', () => {
  it('replaces the work email, names, displayName, externalId and an extension attribute', async () => {
    const reply = await patch(
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updated@example.com' },
      { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
      { op: 'Replace', path: 'name.givenName', value: 'updatedGiven' },
      { op: 'Replace', path: 'displayName', value: 'Updated' },
      { op: 'Replace', path: 'externalId', value: 'ext-2' },
      { op: 'Replace', path: `${EXT}:alternateEmail1Label`, value: 'Backup' },
    );
    expect(reply.status).toBe(200);
    expect(reply.body.emails).toEqual([{ primary: true, type: 'work', value: 'updated@example.com' }]);
    expect(reply.body.name).toEqual({ givenName: 'updatedGiven', familyName: 'updatedFamilyName' });
    expect(reply.body[EXT]).toEqual({ alternateEmail1Label: 'Backup' });
    expect(reply.body.schemas).toContain(EXT);
    expect(stored().displayName).toBe('Updated');
  });

  it.each([['False'], ['false'], [false]])('disables with %j and stores a boolean', async (value) => {
    const reply = await patch({ op: 'Replace', path: 'active', value });
    expect(reply.status).toBe(200);
    expect(stored().active).toBe(false);
    await patch({ op: 'Replace', path: 'active', value: 'True' });
    expect(stored().active).toBe(true);
  });

  it('adds a single-valued string and replaces userName', async () => {
    await patch(
      { op: 'Add', path: 'nickName', value: 'Babs' },
      { op: 'Replace', path: 'userName', value: 'new@example.com' },
    );
    expect(stored()).toMatchObject({ nickName: 'Babs', userName: 'new@example.com' });
    expect(client.mock.findUserByUserName('NEW@example.com')?.id).toBe(id);
    expect(client.mock.findUserByUserName('pat@example.com')).toBeUndefined();
  });

  it('Add on a typed email that is absent creates it; Remove by emails[type eq "personal"] deletes it', async () => {
    await patch({ op: 'Add', path: 'emails[type eq "personal"].value', value: 'home@example.com' });
    expect(stored().emails).toContainEqual({ type: 'personal', value: 'home@example.com' });
    await patch({ op: 'Add', path: 'emails[type eq "alternate2"].value', value: 'alt@example.com' });
    await patch({ op: 'Remove', path: 'emails[type eq "personal"]' });
    expect(stored().emails.map((email: { type: string }) => email.type)).toEqual(['work', 'alternate2']);
  });
});

describe('Entra PATCH with aadOptscim062020 (lower-case ops, path-less replace)', () => {
  it('applies dotted and URN keys inside a path-less replace', async () => {
    const reply = await patch(
      { op: 'replace', path: 'emails[type eq "work"].value', value: 'flag@example.com' },
      {
        op: 'replace',
        value: {
          displayName: 'Bjfe',
          'name.givenName': 'Kkom',
          'name.familyName': 'Unua',
          [`${EXT}:customBadge`]: 'Aklq',
          active: false,
        },
      },
    );
    expect(reply.status).toBe(200);
    expect(stored()).toMatchObject({
      displayName: 'Bjfe',
      name: { givenName: 'Kkom', familyName: 'Unua' },
      active: false,
      [EXT]: { customBadge: 'Aklq' },
      emails: [{ type: 'work', value: 'flag@example.com', primary: true }],
    });
  });

  it('adds with a lower-case op and an extension-URN path object', async () => {
    await patch({ op: 'add', path: EXT, value: { alternateEmail2Label: 'Other', locations: 'Leeds' } });
    expect(stored()[EXT]).toEqual({ alternateEmail2Label: 'Other', locations: 'Leeds' });
  });
});

describe('PATCH errors are atomic and typed', () => {
  it.each([
    [{ op: 'Replace', path: 'manager', value: 'x' }, 'invalidPath'],
    [
      {
        op: 'Replace',
        path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber',
        value: '1',
      },
      'invalidPath',
    ],
    [{ op: 'Replace', path: 'emails[type eq "personal"].value', value: 'x@y' }, 'noTarget'],
    [{ op: 'Remove' }, 'noTarget'],
    [{ op: 'Replace', path: 'active', value: 'maybe' }, 'invalidValue'],
    [{ op: 'Replace', path: 'name.givenName', value: 7 }, 'invalidValue'],
    [{ op: 'Remove', path: 'name.familyName' }, 'invalidValue'],
    [{ op: 'Add', path: 'emails[type eq "home"].value', value: 'x@y' }, 'invalidValue'],
    [{ op: 'Move', path: 'title', value: 'x' }, 'invalidSyntax'],
  ])('%j → %s, and nothing changes', async (bad, scimType) => {
    const before = structuredClone(stored());
    const reply = await patch({ op: 'Replace', path: 'title', value: 'Changed first' }, bad);
    expectScimError(reply, 400, scimType);
    // Per-operation errors name the operation; the required-attribute check runs on the result.
    expect(reply.body.detail).toMatch(/^Operation 2:|^Required attribute/);
    expect(stored()).toEqual(before);
  });

  it('rejects a body without Operations or the PatchOp schema as invalidSyntax', async () => {
    expectScimError(await client.call('PATCH', `/Users/${id}`, { Operations: [] }), 400, 'invalidSyntax');
    expectScimError(
      await client.call('PATCH', `/Users/${id}`, { schemas: [], Operations: [{ op: 'add' }] }),
      400,
      'invalidSyntax',
    );
  });

  it('answers 409 when a PATCH takes another user’s userName', async () => {
    await createUser(client, 'taken@example.com');
    expectScimError(
      await patch({ op: 'Replace', path: 'userName', value: 'TAKEN@example.com' }),
      409,
      'uniqueness',
    );
  });
});

describe('applyPatch (unit)', () => {
  const base: UserData = {
    userName: 'u',
    name: { givenName: 'G', familyName: 'F' },
    emails: [{ type: 'work', value: 'w@x' }],
  };

  it('never mutates its input', () => {
    const input = structuredClone(base);
    const result = applyPatch(
      input,
      patchBody({ op: 'Add', path: 'emails[type eq "personal"].value', value: 'p@x' }),
    );
    expect(input).toEqual(base);
    expect(result.emails).toHaveLength(2);
  });

  it('merges a path-less add of emails by type instead of duplicating the type', () => {
    const result = applyPatch(
      base,
      patchBody({ op: 'add', value: { emails: [{ type: 'Work', value: 'new@x' }] } }),
    );
    expect(result.emails).toEqual([{ type: 'Work', value: 'new@x' }]);
  });

  it('treats removing something absent as a no-op', () => {
    expect(applyPatch(base, patchBody({ op: 'Remove', path: 'emails[type eq "alternate1"]' }))).toEqual(base);
  });

  it('throws ScimHttpError, not a generic error, for a malformed value path', () => {
    expect(() => applyPatch(base, patchBody({ op: 'Add', path: 'emails[type eq', value: 'x' }))).toThrow(
      ScimHttpError,
    );
  });
});
