/**
 * The saved user import: JSON lines read back into the compact table, the format before it still read (an
 * admin upgrading keeps the import), and a damaged file named with what is wrong, never read as "no users".
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigurationStore } from '../../main/app/configuration';
import { dataFiles } from '../../main/app/data-files';
import { generateSyntheticTable, generateSyntheticTenant, UserTable } from '../../shared/source-data';
import { tempDir } from '../support/temp';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));
function folder(): string {
  const dir = tempDir('jpa-saved-users-');
  dirs.push(dir);
  return dir.path;
}

const importedAt = '2026-02-03T04:05:06.000Z';

describe('saved user import', () => {
  it('reads back, in a fresh store, exactly the users that were saved', async () => {
    const dir = folder();
    const { users } = generateSyntheticTable({ users: 2_500, seed: 6 });
    await new ConfigurationStore(dir).saveImportedUsers({ fileName: 'users.csv', importedAt, users });
    const read = await new ConfigurationStore(dir).importedUsers();
    expect(read?.users).toBeInstanceOf(UserTable);
    expect(read).toMatchObject({ fileName: 'users.csv', importedAt });
    expect((read!.users as UserTable).toArray()).toEqual(users.toArray());
    // One line a user plus the header: nothing held as one giant JSON value.
    expect(readFileSync(dataFiles.importedUsers(dir), 'utf8').trimEnd().split('\n')).toHaveLength(2_501);
  });

  it('still reads an import saved before JSON lines, and keeps it through an assignments import', async () => {
    const dir = folder();
    const { users } = generateSyntheticTenant({ users: 40, seed: 3 });
    const legacy = dataFiles.legacyImportedUsers(dir);
    mkdirSync(dirname(legacy), { recursive: true });
    writeFileSync(legacy, JSON.stringify({ fileName: 'old.csv', importedAt, users }, null, 2));
    const store = new ConfigurationStore(dir);
    expect(await store.hasImportedUsers()).toBe(true);
    expect((await store.importedUsers())?.users.length).toBe(40);
    expect([...(await store.importedUsers())!.users]).toEqual(users);

    await store.saveImportedAssignments({
      fileName: 'a.csv',
      importedAt,
      assignments: { users: [], groups: [] },
    });
    const kept = await new ConfigurationStore(dir).importedUsers();
    expect(kept?.fileName).toBe('old.csv');
    expect([...kept!.users]).toEqual(users);

    await store.saveImportedUsers({ ...kept!, fileName: 'again.csv' });
    expect(readFileSync(dataFiles.importedUsers(dir), 'utf8').split('\n', 1)[0]).toContain(
      '"format":"jostle-imported-users"',
    );
    expect([...(await new ConfigurationStore(dir).importedUsers())!.users]).toEqual(users);
  });

  it('names a damaged file and what is wrong with it, and the status shows no users', async () => {
    const dir = folder();
    const { users } = generateSyntheticTable({ users: 30, seed: 1 });
    await new ConfigurationStore(dir).saveImportedUsers({ fileName: 'u.csv', importedAt, users });
    const file = dataFiles.importedUsers(dir);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const damage = async (text: string) => {
      writeFileSync(file, text);
      return new ConfigurationStore(dir).importedUsers().then(
        () => 'read',
        (error: Error) => error.message,
      );
    };
    expect(await damage(`${lines.slice(0, -3).join('\n')}\n`)).toMatch(
      /holds 27 of the 30 users .*cut short/,
    );
    expect(await damage([...lines.slice(0, 3), '["torn', ...lines.slice(4)].join('\n'))).toMatch(
      /users\.ndjson line 4: not a JSON line/,
    );
    expect(await damage(['{"format":"something else"}', ...lines.slice(1)].join('\n'))).toMatch(
      /not a saved user import/,
    );
    expect(
      await damage([lines[0]!.replace('"version":2', '"version":9'), ...lines.slice(1)].join('\n')),
    ).toMatch(/newer version of the assistant/);
    expect(await damage([...lines.slice(0, 2), '[1,2]', ...lines.slice(3)].join('\n'))).toMatch(
      /line 3: expected/,
    );
    expect(await damage('')).toMatch(/is empty/);
  });

  it('names a damaged file of the old format too', async () => {
    const dir = folder();
    const legacy = dataFiles.legacyImportedUsers(dir);
    mkdirSync(dirname(legacy), { recursive: true });
    writeFileSync(legacy, '{"fileName": "old.csv", "users": [');
    await expect(new ConfigurationStore(dir).importedUsers()).rejects.toThrow(
      /users\.json is not valid JSON/,
    );
    writeFileSync(legacy, '{"fileName": "old.csv", "users": [{"id": 1}]}');
    await expect(new ConfigurationStore(dir).importedUsers()).rejects.toThrow(/not a saved user import/);
  });
});
