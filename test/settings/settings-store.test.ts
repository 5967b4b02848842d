import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { confBacking } from '../../main/settings/node-backing';
import { openSettings, SETTINGS_FILE } from '../../main/settings/settings-store';
import { tempDir } from '../support/temp';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));
function freshDir(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir.path;
}

describe('settings', () => {
  it('starts from defaults and persists changes across reopen', () => {
    const dir = freshDir();
    const first = openSettings(dir, confBacking);
    expect(first.read().wizard.currentStep).toBe('plan');
    first.update('wizard', (wizard) => ({
      ...wizard,
      currentStep: 'gallery',
      checklists: { plan: { 'entra-tenant': true } },
    }));
    const reopened = openSettings(dir, confBacking);
    expect(reopened.read().wizard).toEqual({
      currentStep: 'gallery',
      checklists: { plan: { 'entra-tenant': true } },
    });
  });

  it('moves a file that is not JSON aside, starts fresh and tells the admin where it went', () => {
    const dir = freshDir();
    writeFileSync(join(dir, SETTINGS_FILE), '{"wizard": {"currentStep": "plan"');
    const store = openSettings(dir, confBacking, new Date('2026-11-28T09:00:00Z'));
    const aside = readdirSync(dir).filter((name) => name.startsWith('settings.unreadable-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe('{"wizard": {"currentStep": "plan"');
    expect(store.read().wizard.currentStep).toBe('plan');
    const notice = store.read().notices.find((candidate) => candidate.id === 'settings-unreadable');
    expect(notice?.level).toBe('warning');
    expect(notice?.message).toContain(join(dir, aside[0]!));
    expect(notice?.message).toContain('not valid JSON');
  });

  it('treats a file that breaks the schema the same way, naming the problem', () => {
    const dir = freshDir();
    writeFileSync(
      join(dir, SETTINGS_FILE),
      JSON.stringify({ wizard: { currentStep: 'no-such-step', checklists: {} } }),
    );
    const store = openSettings(dir, confBacking);
    expect(store.read().notices[0]?.message).toMatch(/currentStep/);
    expect(readdirSync(dir).some((name) => name.startsWith('settings.unreadable-'))).toBe(true);
  });

  it('refuses to write a value the schema forbids, leaving the file as it was', () => {
    const dir = freshDir();
    const store = openSettings(dir, confBacking);
    store.update('connection', () => ({ baseUrl: 'https://a.example/scim2' }));
    const before = readFileSync(store.filePath, 'utf8');
    expect(() => store.update('window', (window) => ({ ...window, width: -5 }))).toThrow(/schema/i);
    expect(readFileSync(store.filePath, 'utf8')).toBe(before);
  });

  it('creates its folder when missing', () => {
    const dir = join(freshDir(), 'nested', 'data');
    openSettings(dir, confBacking).update('wizard', (wizard) => wizard);
    expect(existsSync(join(dir, SETTINGS_FILE))).toBe(true);
  });
});

describe('settings: files that are JSON but not settings', () => {
  for (const [label, text] of [
    ['a list', '[]'],
    ['null', 'null'],
    ['a number', '42'],
  ] as const) {
    it(`moves a file holding ${label} aside with the notice, instead of silently resetting`, () => {
      const dir = freshDir();
      writeFileSync(join(dir, SETTINGS_FILE), text);
      const store = openSettings(dir, confBacking);
      const aside = readdirSync(dir).filter((name) => name.startsWith('settings.unreadable-'));
      expect(aside).toHaveLength(1);
      expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe(text);
      const notice = store.read().notices.find((candidate) => candidate.id === 'settings-unreadable');
      expect(notice?.message).toContain(`holds ${label}`);
      expect(notice?.message).toContain(join(dir, aside[0]!));
    });
  }
});
