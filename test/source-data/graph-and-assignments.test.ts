import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  generateSyntheticTenant,
  parseAssignmentsCsv,
  parseDownloadUsersCsv,
  GraphUsersImporter,
  parseGraphUsersPages,
  toAssignmentsCsv,
  toDownloadUsersCsv,
} from '../../shared/source-data';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../fixtures/source-data', name), 'utf8');
const page = (name: string) => ({ name, text: fixture(name) });
/** A page with a missing comma on line 7 (kept out of the fixtures folder so Prettier can check it). */
const BROKEN_GRAPH_PAGE = [
  '{',
  '  "value": [',
  '    {',
  '      "id": "2b1f3c4d-5e6f-4a70-8b91-a2b3c4d5e6f7",',
  '      "userPrincipalName": "ada.lovelace@contoso.example",',
  '      "displayName": "Ada Lovelace"',
  '      "givenName": "Ada"',
  '    }',
  '  ]',
  '}',
].join('\n');

describe('Graph /users JSON', () => {
  it('reads several pages and renames Graph properties to provisioning attributes', () => {
    const result = parseGraphUsersPages([page('graph-users-page1.json'), page('graph-users-page2.json')]);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.toArray().map((user) => user.userPrincipalName)).toEqual([
      'ada.lovelace@contoso.example',
      'zoe.muller@contoso.example',
      'partner_fabrikam.example#EXT#@contoso.example',
    ]);
    expect(result.value.at(0)!.attributes).toMatchObject({
      objectId: '2b1f3c4d-5e6f-4a70-8b91-a2b3c4d5e6f7',
      telephoneNumber: '+44 20 7946 0001',
      mobile: '+44 7700 900001',
      physicalDeliveryOfficeName: 'London 1',
      otherMails: ['ada@home.example', 'countess@lovelace.example'],
      extensionAttribute1: 'EMP-0001',
      extensionAttribute2: null,
      'employeeOrgData.costCenter': 'CC-100',
    });
    expect(result.value.at(1)!.attributes).toMatchObject({
      accountEnabled: false,
      mail: null,
      telephoneNumber: null,
    });
    expect(result.warnings).toEqual([]);
  });

  it('warns when the last page still has a nextLink', () => {
    const result = parseGraphUsersPages([page('graph-users-page1.json')]);
    expect(result.ok && result.warnings[0]).toContain('more pages exist');
  });

  it('reports a JSON syntax error with its line, and imports nothing', () => {
    const result = parseGraphUsersPages([
      page('graph-users-page1.json'),
      { name: 'graph-users-broken.json', text: BROKEN_GRAPH_PAGE },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ file: 'graph-users-broken.json', line: 7 });
    expect(result.error.message).toContain('not valid JSON');
  });

  it('refuses duplicates across pages and users without an id', () => {
    const twice = parseGraphUsersPages([
      page('graph-users-page2.json'),
      { ...page('graph-users-page2.json'), name: 'again.json' },
    ]);
    expect(!twice.ok && twice.error.message).toContain('already in graph-users-page2.json value[0]');
    const noId = parseGraphUsersPages([
      { name: 'p.json', text: '{"value":[{"userPrincipalName":"a@x.example"}]}' },
    ]);
    expect(!noId.ok && noId.error.message).toBe('p.json: value[0] has no "id"');
    const notGraph = parseGraphUsersPages([{ name: 'p.json', text: '[1,2]' }]);
    expect(!notGraph.ok && notGraph.error.message).toContain('"value" array');
  });
});

describe('assignment list CSV', () => {
  it('reads users, groups, nested groups and empty groups', () => {
    const result = parseAssignmentsCsv(fixture('assignments.csv'), 'assignments.csv');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.users).toEqual([
      { id: 'ada.lovelace@contoso.example', appRole: 'User' },
      { id: 'someone.who.left@contoso.example', appRole: 'User' },
    ]);
    expect(
      result.value.groups.map((group) => [
        group.displayName,
        group.memberUsers.length,
        group.memberGroups.length,
      ]),
    ).toEqual([
      ['Sales', 2, 1],
      ['Engineering', 2, 0],
      ['Empty group', 0, 0],
    ]);
    expect(result.warnings).toEqual([
      'Group Sales contains 1 nested group; Entra provisions only its direct members',
    ]);
  });

  it('fails whole on a bad row, with its line', () => {
    const result = parseAssignmentsCsv(fixture('assignments-bad-type.csv'), 'assignments-bad-type.csv');
    expect(!result.ok && result.error).toMatchObject({ line: 3 });
    expect(!result.ok && result.error.message).toContain('type is "Device"; expected User or Group');
  });
});

describe('synthetic tenant', () => {
  it('is deterministic for a seed and different across seeds', () => {
    const a = generateSyntheticTenant({ users: 50, seed: 7 });
    expect(generateSyntheticTenant({ users: 50, seed: 7 })).toEqual(a);
    expect(generateSyntheticTenant({ users: 50, seed: 8 }).users[0]).not.toEqual(a.users[0]);
  });

  it('writes files the importers read back unchanged', () => {
    const tenant = generateSyntheticTenant({ users: 300, seed: 3 });
    const users = parseDownloadUsersCsv(toDownloadUsersCsv(tenant.users));
    const assignments = parseAssignmentsCsv(toAssignmentsCsv(tenant.assignments));
    if (!users.ok || !assignments.ok) throw new Error('did not import');
    expect(users.value.map((user) => user.objectId)).toEqual(tenant.users.map((user) => user.objectId));
    expect(users.value[0]!.attributes.displayName).toBe(tenant.users[0]!.attributes.displayName);
    expect(assignments.value.groups.map((group) => group.memberUsers.length)).toEqual(
      tenant.assignments.groups.map((group) => group.memberUsers.length),
    );
  });

  it('has the variety real directories have', () => {
    const { users } = generateSyntheticTenant({ users: 2000, seed: 1 });
    expect(users.some((user) => user.attributes.userType === 'Guest')).toBe(true);
    expect(users.some((user) => user.attributes.accountEnabled === false)).toBe(true);
    expect(users.some((user) => user.attributes.mail === null)).toBe(true);
    expect(new Set(users.map((user) => user.userPrincipalName.toLowerCase())).size).toBe(2000);
  });
});

describe('Graph /users pages streamed into the table', () => {
  const graphPage = (name: string, ids: string[]) => ({
    name,
    text: JSON.stringify({
      value: ids.map((id) => ({ id, userPrincipalName: `${id}@contoso.example`, department: 'Sales' })),
    }),
  });

  it('names the page and position of an earlier copy of an id, in any case', () => {
    const importer = new GraphUsersImporter();
    expect(importer.push(graphPage('page 1', ['a-1', 'a-2']))).toBeNull();
    expect(importer.push(graphPage('page 2', ['b-1', 'b-2', 'b-3']))).toBeNull();
    const failed = importer.push(graphPage('page 3', ['c-1', 'B-2']));
    expect(failed?.error).toMatchObject({ file: 'page 3' });
    expect(failed?.error.message).toContain('value[1] (id B-2) is already in page 2 value[1]');
    const within = new GraphUsersImporter().push(graphPage('only', ['x', 'y', 'X']));
    expect(within?.error.message).toContain('is already in only value[0]');
  });

  it('reads 50 pages of 999 users into one table, in order, without false duplicates', () => {
    const importer = new GraphUsersImporter();
    for (let page = 0; page < 50; page += 1) {
      const ids = Array.from({ length: 999 }, (_, at) => `${page}-${at}-${(page * 999 + at) % 7}`);
      expect(importer.push(graphPage(`page ${page + 1}`, ids))).toBeNull();
    }
    const { value, warnings } = importer.finish();
    expect(value.length).toBe(49_950);
    expect(warnings).toEqual([]);
    expect(value.at(999)).toMatchObject({ objectId: '1-0-5', userPrincipalName: '1-0-5@contoso.example' });
    expect(value.at(49_949)!.attributes.department).toBe('Sales');
  });
});
