/**
 * Settings on electron-store (in Electron) or conf, the library it is built on (in Node: browser mode, CLI,
 * tests): the same schema and the same file either way, so the desktop app and the browser mode resume
 * the same progress.
 */
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Notice } from '../../shared/api/contract';
import { settingsDefaults, settingsSchema, type SettingsData } from './schema';

/** The part of conf's API we use; electron-store extends conf, so both fit. */
export interface BackingStore {
  readonly store: SettingsData;
  set<K extends keyof SettingsData>(key: K, value: SettingsData[K]): void;
  readonly path: string;
}

export interface BackingStoreOptions {
  cwd: string;
  configName: string;
  projectName: string;
  schema: typeof settingsSchema;
  defaults: SettingsData;
  clearInvalidConfig: false;
}

export type BackingStoreFactory = (options: BackingStoreOptions) => BackingStore;

export const SETTINGS_FILE = 'settings.json';

export class SettingsStore {
  constructor(private readonly backing: BackingStore) {}

  get filePath(): string {
    return this.backing.path;
  }

  read(): SettingsData {
    return this.backing.store;
  }

  update<K extends keyof SettingsData>(
    key: K,
    change: (current: SettingsData[K]) => SettingsData[K],
  ): SettingsData {
    this.backing.set(key, change(structuredClone(this.backing.store[key])));
    return this.read();
  }

  addNotice(notice: Omit<Notice, 'at'>, now = new Date()): void {
    this.update('notices', (notices) =>
      [
        ...notices.filter((existing) => existing.id !== notice.id),
        { ...notice, at: now.toISOString() },
      ].slice(-50),
    );
  }
}

/**
 * Opens the settings file. A file that is not JSON or breaks the schema is moved aside, not deleted, and
 * the admin is told where it went: no crash, no silent reset.
 */
export function openSettings(
  dataDir: string,
  createBacking: BackingStoreFactory,
  now = new Date(),
): SettingsStore {
  const options: BackingStoreOptions = {
    cwd: dataDir,
    configName: 'settings',
    projectName: 'jostle-provisioning-assistant',
    schema: settingsSchema,
    defaults: settingsDefaults,
    clearInvalidConfig: false,
  };
  try {
    return new SettingsStore(createBacking(options));
  } catch (error) {
    const file = join(dataDir, SETTINGS_FILE);
    if (!existsSync(file)) throw error;
    const aside = join(dataDir, `settings.unreadable-${now.toISOString().replace(/[:.]/g, '-')}.json`);
    renameSync(file, aside);
    const store = new SettingsStore(createBacking(options));
    const reason = (error instanceof Error ? error.message.split('\n')[0]! : String(error)).replace(
      /\.$/,
      '',
    );
    store.addNotice(
      {
        id: 'settings-unreadable',
        level: 'warning',
        message:
          `Your settings file could not be read (${reason}). It was moved to ${aside} and the assistant ` +
          'started with fresh settings. Your API key in the keychain was not touched.',
      },
      now,
    );
    return store;
  }
}
