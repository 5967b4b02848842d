/**
 * One settings file name in every mode: the real electron-store (its `electron` import resolved to the
 * stand-in) and conf must both write settings.json, and read each other's file.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ElectronStore from 'electron-store';
import { afterEach, describe, expect, it } from 'vitest';
import { electronStoreBacking } from '../../main/settings/electron-backing';
import { confBacking } from '../../main/settings/node-backing';
import { openSettings, SETTINGS_FILE } from '../../main/settings/settings-store';
import { tempDir } from '../support/temp';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));
const fresh = () => {
  const dir = tempDir();
  dirs.push(dir);
  return dir.path;
};

describe('the settings file name', () => {
  it('is settings.json with electron-store, as with conf, and each reads the other’s file', () => {
    const dir = fresh();
    const desktop = openSettings(dir, electronStoreBacking);
    expect(desktop.filePath).toBe(join(dir, SETTINGS_FILE));
    desktop.update('wizard', (wizard) => ({ ...wizard, currentStep: 'mappings' }));
    expect(readdirSync(dir)).toEqual([SETTINGS_FILE]);
    expect(openSettings(dir, confBacking).read().wizard.currentStep).toBe('mappings');
  });

  it('would be config.json if electron-store were given conf’s option name (the defect this guards)', () => {
    const dir = fresh();
    const store = new ElectronStore({ cwd: dir, configName: 'settings' } as never);
    expect(store.path).toBe(join(dir, 'config.json'));
  });

  it('moves an unreadable file aside under the same name in the desktop app', () => {
    const dir = fresh();
    writeFileSync(join(dir, SETTINGS_FILE), '{ not json');
    const store = openSettings(dir, electronStoreBacking);
    expect(store.read().notices.map((notice) => notice.id)).toContain('settings-unreadable');
    expect(readdirSync(dir).some((name) => name.startsWith('settings.unreadable-'))).toBe(true);
    expect(existsSync(join(dir, 'config.json'))).toBe(false);
  });
});
