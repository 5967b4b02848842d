/**
 * Saves that arrive together all succeed and leave valid files; one import's users and assignments are one
 * unit, so a process killed at any moment (SIGKILL, real child processes) never leaves a mismatched pair.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { GALLERY_DEFAULT_CONFIG } from '../../shared/mapping';
import { ConfigurationStore } from '../../main/app/configuration';
import { dataFiles } from '../../main/app/data-files';
import { tempDir } from '../support/temp';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));
function folder(): string {
  const dir = tempDir('jpa-data-');
  dirs.push(dir);
  return dir.path;
}

const pair = (marker: string, count = 10) =>
  [
    {
      fileName: marker,
      importedAt: '2026-01-01T00:00:00Z',
      users: Array.from({ length: count }, (_, index) => ({
        objectId: `${marker}-${index}`,
        userPrincipalName: `${marker}-${index}@example.com`,
        attributes: {},
      })),
    },
    { fileName: marker, importedAt: '2026-01-01T00:00:00Z', assignments: { users: [], groups: [] } as never },
  ] as const;

describe('data files', () => {
  it('twenty concurrent mapping saves all succeed and leave one valid file', async () => {
    const store = new ConfigurationStore(folder());
    const saves = Array.from({ length: 20 }, () => store.saveMapping(GALLERY_DEFAULT_CONFIG));
    const results = await Promise.allSettled(saves);
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect((await store.mapping()).saved).toBe(true);
  });

  it('concurrent imports all succeed; the result is one complete pair', async () => {
    const dir = folder();
    const store = new ConfigurationStore(dir);
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, index) => store.saveImport(...pair(`import-${index}`, 500))),
    );
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const users = await store.importedUsers();
    const assignments = await store.importedAssignments();
    expect(users?.fileName).toBe(assignments?.fileName);
    expect(users?.users).toHaveLength(500);
  });

  it('an assignments import keeps the users; clearing empties both', async () => {
    const dir = folder();
    const store = new ConfigurationStore(dir);
    await store.saveImportedUsers(pair('users-only')[0]);
    await store.saveImportedAssignments(pair('assignments-later')[1]);
    expect((await store.importedUsers())?.fileName).toBe('users-only');
    expect((await store.importedAssignments())?.fileName).toBe('assignments-later');
    await store.clearImports();
    expect(await store.importedUsers()).toBeNull();
    expect(await store.importedAssignments()).toBeNull();
    expect(await store.hasImportedUsers()).toBe(false);
  });

  it('an imports folder that cannot be written: a message naming the file and the cause, nothing changes', async () => {
    const dir = folder();
    const store = new ConfigurationStore(dir);
    // A file where the folder should be stops even root (the tests may run as root, where chmod does not).
    writeFileSync(join(dir, 'imports'), 'in the way');
    await expect(store.saveImport(...pair('after'))).rejects.toMatchObject({
      code: 'not-available',
      message: expect.stringMatching(
        /Could not save .*imports.*a file is in the way of a folder \((EEXIST|ENOTDIR)\)\. Nothing was changed\./,
      ),
    });
    expect(await store.importedUsers()).toBeNull();
    expect(readFileSync(join(dir, 'imports'), 'utf8')).toBe('in the way');
  });

  it('a writer killed with SIGKILL at random moments never leaves a torn pair', async () => {
    const dir = folder();
    const script = fileURLToPath(new URL('./kill-import-writer.ts', import.meta.url));
    for (let round = 0; round < 6; round += 1) {
      const child = spawn(process.execPath, ['--import', 'tsx', script, dir], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 250));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      // Read as the app reads it: a torn users file would fail here (its line count is checked).
      const users = (await new ConfigurationStore(dir).importedUsers())!;
      const assignments = JSON.parse(readFileSync(dataFiles.importedAssignments(dir), 'utf8')) as {
        fileName: string;
      };
      expect(users.fileName).toBe(assignments.fileName);
      expect(users.users).toHaveLength(3000);
    }
  }, 60_000);
});
