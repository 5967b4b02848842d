import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  generateSyntheticTable,
  generateSyntheticTenant,
  importDownloadUsersCsv,
  parseGraphUsersPages,
  toDownloadUsersCsv,
  userTableFrom,
  type SourceUser,
} from '../../shared/source-data';
import { referenceParseDownloadUsersCsv } from './reference/users-csv-before-table';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../fixtures/source-data', name), 'utf8');

const imported = (text: string) => {
  const result = importDownloadUsersCsv([text], 'users.csv');
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('compact user table', () => {
  it('gives back, row by row, exactly the users the importer before the table produced', () => {
    const tenant = generateSyntheticTenant({ users: 3_000, seed: 4 });
    for (const text of [fixture('entra-download-users.csv'), toDownloadUsersCsv(tenant.users)]) {
      const before = referenceParseDownloadUsersCsv(text, 'users.csv');
      if (!before.ok) throw new Error(before.error.message);
      const table = imported(text);
      expect(table.length).toBe(before.value.length);
      expect(table.toArray()).toEqual(before.value);
      expect([...table]).toEqual(before.value);
      expect(table.at(table.length)).toBeUndefined();
      expect(table.at(-1)).toBeUndefined();
    }
  });

  it('reads a projection of a row: the named attributes as the whole row has them, and no others', () => {
    const users: SourceUser[] = [
      { objectId: 'a', userPrincipalName: 'a@x.example', attributes: { mail: null, accountEnabled: true } },
      {
        objectId: 'b',
        userPrincipalName: 'b@x.example',
        attributes: { objectId: 'b', otherMails: ['b@home.example'], department: 'Sales' },
      },
    ];
    for (const table of [userTableFrom(users), imported(fixture('entra-download-users.csv'))]) {
      const names = ['mail', 'otherMails', 'objectId', 'accountEnabled', 'noSuchColumn'];
      const read = table.projection(names);
      for (let index = 0; index < table.length; index += 1) {
        const whole = table.at(index)!;
        const expected = Object.fromEntries(
          Object.entries(whole.attributes).filter(([name]) => names.includes(name)),
        );
        expect(read(index)).toEqual({ ...whole, attributes: expected });
      }
      expect(read(table.length)).toBeUndefined();
    }
  });

  it('keeps each distinct repeated value once, and unique values as they are', () => {
    const table = imported(toDownloadUsersCsv(generateSyntheticTenant({ users: 20_000, seed: 9 }).users));
    // Eight departments, five cities across 20,000 users.
    expect(table.storedStrings('department')).toBe(8);
    expect(table.storedStrings('city')).toBe(5);
    // objectId is the row key, stored once: the attribute column refers to it instead of a second copy.
    expect(table.storedStrings('objectId')).toBe(0);
    expect(table.valueAt(123, 'objectId')).toBe(table.objectIdAt(123));
    // Mail is nearly unique: one string a user who has one, past the interning limit with no dictionary.
    expect(table.storedStrings('mail')).toBeGreaterThan(17_000);
    expect(table.valueAt(0, 'noSuchColumn')).toBeUndefined();
  });

  it('keeps which attributes a user has (Graph pages leave some out), nulls, Booleans and lists', () => {
    const users: SourceUser[] = [
      { objectId: 'a', userPrincipalName: 'a@x.example', attributes: { mail: null, accountEnabled: true } },
      {
        objectId: 'b',
        userPrincipalName: 'b@x.example',
        attributes: {
          otherMails: ['b@home.example', 'b2@home.example'],
          accountEnabled: false,
          jobTitle: '',
        },
      },
      { objectId: 'c', userPrincipalName: 'c@x.example', attributes: { objectId: 'not-c', city: 'Oslo' } },
    ];
    const table = userTableFrom(users);
    expect(table.toArray()).toEqual(users);
    expect(Object.keys(table.at(0)!.attributes).sort()).toEqual(['accountEnabled', 'mail']);
    expect(table.attributeNames).toEqual([
      'mail',
      'accountEnabled',
      'otherMails',
      'jobTitle',
      'objectId',
      'city',
    ]);
  });

  it('generates the same synthetic tenant as a table as it does as an array', () => {
    const array = generateSyntheticTenant({ users: 500, seed: 7 });
    const table = generateSyntheticTable({ users: 500, seed: 7 });
    expect(table.users.toArray()).toEqual(array.users);
    expect(table.assignments).toEqual(array.assignments);
  });

  it('holds Graph pages the same way', () => {
    const pages = ['graph-users-page1.json', 'graph-users-page2.json'].map((name) => ({
      name,
      text: fixture(name),
    }));
    const result = parseGraphUsersPages(pages);
    if (!result.ok) throw new Error(result.error.message);
    // Streamed page by page into a table: the same rows as a table built from those users at once.
    const rows = result.value.toArray();
    expect(rows).toHaveLength(3);
    expect(userTableFrom(rows).toArray()).toEqual(rows);
  });
});
