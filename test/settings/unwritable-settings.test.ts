/**
 * A settings file that cannot be written: the message names the file and the cause, and nothing changes.
 * The folder is made read-only; since root ignores file modes, the scenario then runs as `nobody` in a
 * child process (test/settings/fixtures/save-into-read-only.ts).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { settingsDefaults } from '../../main/settings/schema';
import { tempDir } from '../support/temp';

const script = fileURLToPath(new URL('./fixtures/save-into-read-only.ts', import.meta.url));
const dirs: Array<{ path: string; remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((dir) => (chmodSync(join(dir.path, 'data'), 0o755), dir.remove())));

it('says which file could not be saved and why, and changes nothing', () => {
  const dir = tempDir();
  dirs.push(dir);
  chmodSync(dir.path, 0o755);
  const data = join(dir.path, 'data');
  mkdirSync(data, { mode: 0o755 });
  const file = join(data, 'settings.json');
  // A complete file, so opening it needs no write (conf writes missing defaults back when it opens).
  const before = JSON.stringify(
    { ...settingsDefaults, wizard: { currentStep: 'gallery', checklists: {} } },
    null,
    '\t',
  );
  writeFileSync(file, before, { mode: 0o644 });
  chmodSync(data, 0o555);
  chmodSync(file, 0o444);

  const asRoot = process.getuid?.() === 0;
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, data], {
    encoding: 'utf8',
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    ...(asRoot
      ? { uid: 65534, gid: 65534, env: { ...process.env, HOME: '/tmp', TSX_TSCONFIG_PATH: '' } }
      : {}),
  });
  expect(run.stderr).toBe('');
  const result = JSON.parse(run.stdout) as { message: string; code: string; stepAfter: string };
  expect(result.message).toContain(file);
  expect(result.message).toMatch(/permission denied \(EACCES\)/);
  expect(result.message).toContain('Nothing was changed');
  expect(result.message).not.toMatch(/Something went wrong/);
  expect(result.stepAfter).toBe('gallery');
  expect(readFileSync(file, 'utf8')).toBe(before);
});

it('names the file and the cause when it cannot even be opened, and moves nothing aside', async () => {
  const dir = tempDir();
  dirs.push(dir);
  const data = join(dir.path, 'data');
  // A folder where the file should be: EISDIR for root and everyone else alike.
  mkdirSync(join(data, 'settings.json'), { recursive: true });
  const { openSettings } = await import('../../main/settings/settings-store');
  const { confBacking } = await import('../../main/settings/node-backing');
  expect(() => openSettings(data, confBacking)).toThrow(
    new RegExp(
      `settings file ${join(data, 'settings.json')} could not be opened: a folder stands where the file should be \\(EISDIR\\)`,
    ),
  );
});
