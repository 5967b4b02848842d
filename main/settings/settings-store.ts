/**
 * Settings on electron-store (in Electron) or conf, the library it is built on (in Node: browser mode, CLI,
 * tests): the same schema and the same file name either way, so the desktop app and the browser mode resume
 * the same progress. The two libraries name the file through different options (conf: `configName`,
 * electron-store: `name`, which it copies into `configName` after defaulting it to "config"); each backing
 * factory translates, and `SETTINGS_FILE` is the one name both end up with.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../shared/api/errors';
import type { Notice } from '../../shared/api/contract';
import { settingsDefaults, settingsSchema, type SettingsData } from './schema';

/** The part of conf's API we use; electron-store extends conf, so both fit. */
export interface BackingStore {
  readonly store: SettingsData;
  set<K extends keyof SettingsData>(key: K, value: SettingsData[K]): void;
  readonly path: string;
}

/** What every backing is opened with, whatever the library calls the option that names the file. */
export interface BackingStoreOptions {
  cwd: string;
  /** The file name without `.json`; electron-store's factory passes it as `name`. */
  fileBaseName: string;
  projectName: string;
  schema: typeof settingsSchema;
  defaults: SettingsData;
  clearInvalidConfig: false;
}

export type BackingStoreFactory = (options: BackingStoreOptions) => BackingStore;

export const SETTINGS_BASE_NAME = 'settings';
export const SETTINGS_FILE = `${SETTINGS_BASE_NAME}.json`;

function describeCause(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const words: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'the operating system refused the change',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    ENOTDIR: 'a file stands where its folder should be',
    EISDIR: 'a folder stands where the file should be',
    EBUSY: 'another program holds the file',
  };
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return code ? `${words[code] ?? message} (${code})` : message;
}

export class SettingsStore {
  constructor(private readonly backing: BackingStore) {}

  get filePath(): string {
    return this.backing.path;
  }

  read(): SettingsData {
    return this.backing.store;
  }

  /**
   * A change the schema refuses throws as conf words it; a file that cannot be written throws an ApiError
   * naming the file and the cause. Either way the file and what `read()` answers are as before: conf reads
   * the file on every access and writes atomically, so a failed write leaves nothing half-changed.
   */
  update<K extends keyof SettingsData>(
    key: K,
    change: (current: SettingsData[K]) => SettingsData[K],
  ): SettingsData {
    const next = change(structuredClone(this.backing.store[key]));
    try {
      this.backing.set(key, next);
    } catch (error) {
      if (!(error as NodeJS.ErrnoException | undefined)?.code) throw error;
      throw new ApiError(
        'not-available',
        `Your settings could not be saved to ${this.filePath}: ${describeCause(error)}. Nothing was changed.`,
      );
    }
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
 * conf reads a file that is valid JSON but not an object ([] or null) as an empty store and fills in the
 * defaults: a silent reset. Refuse it here so it takes the same road as any other unreadable file.
 */
function refuseWrongShape(file: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return; // not JSON, or unreadable: conf reports it in its own words
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    const shape = parsed === null ? 'null' : Array.isArray(parsed) ? 'a list' : `a ${typeof parsed}`;
    throw new Error(`it holds ${shape}, not a settings object`);
  }
}

/**
 * Opens the settings file. A file that is not JSON, is JSON of the wrong shape or breaks the schema is moved
 * aside, not deleted, and the admin is told where it went: no crash, no silent reset.
 */
export function openSettings(
  dataDir: string,
  createBacking: BackingStoreFactory,
  now = new Date(),
): SettingsStore {
  const options: BackingStoreOptions = {
    cwd: dataDir,
    fileBaseName: SETTINGS_BASE_NAME,
    projectName: 'jostle-provisioning-assistant',
    schema: settingsSchema,
    defaults: settingsDefaults,
    clearInvalidConfig: false,
  };
  const file = join(dataDir, SETTINGS_FILE);
  try {
    if (existsSync(file)) refuseWrongShape(file);
    const store = new SettingsStore(createBacking(options));
    // Reading once here surfaces a schema problem now, not in the middle of the first request.
    store.read();
    return store;
  } catch (error) {
    // A file the system will not let us read or write is not a damaged file: say so, move nothing.
    if ((error as NodeJS.ErrnoException | undefined)?.code) {
      throw new Error(`Your settings file ${file} could not be opened: ${describeCause(error)}.`);
    }
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
