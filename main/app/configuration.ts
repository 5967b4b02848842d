/**
 * The admin's provisioning configuration on disk: mapping.json, scope.json and the imported source data
 * (see data-files.ts). Files that are missing mean the defaults; files that are unreadable are reported,
 * never silently replaced.
 */
import { access, readFile, rm, stat } from 'node:fs/promises';
import { DEFAULT_APP_PATH, type AppPath } from '../../shared/app-path/app-path';
import {
  defaultMappingFor,
  mappingConfigSchema,
  parseMappingConfig,
  validateForPath,
  type MappingConfig,
  type MappingProblem,
} from '../../shared/mapping';
import {
  DEFAULT_SCOPE_CONFIG,
  parseScopeConfig,
  scopeConfigSchema,
  validateScopeConfig,
  type ScopeConfig,
  type ScopeProblem,
} from '../../shared/scoping';
import { ApiError } from '../../shared/api/errors';
import { UserTable, type AssignmentList, type UserList } from '../../shared/source-data';
import { serialised, writeJsonAtomic } from './atomic-files';
import { dataFiles } from './data-files';
import { clearImportsCommit, commitImport } from './import-store';
import { readSavedUsers, savedUsersLines, SavedUsersError, upgradeLegacyUsers } from './saved-users';

export interface MappingState {
  config: MappingConfig;
  saved: boolean;
  problems: MappingProblem[];
}

export interface ScopeState {
  config: ScopeConfig;
  saved: boolean;
  problems: ScopeProblem[];
}

export interface ImportedUsers {
  fileName: string;
  importedAt: string;
  /** Saved from any list; read back as a compact UserTable. */
  users: UserList;
}

export interface ImportedAssignments {
  fileName: string;
  importedAt: string;
  assignments: AssignmentList;
}

async function readJson(file: string): Promise<unknown | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  return JSON.parse(text) as unknown;
}

/** Write-then-rename through a unique temporary file, queued per file (atomic-files.ts). */
export function writeJsonFile(file: string, value: unknown): Promise<void> {
  return writeJsonAtomic(file, value);
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

export class ConfigurationStore {
  /** The last users read, by file and modification time: a generation folder never changes once written. */
  private usersCache: { key: string; value: Promise<ImportedUsers | null> } | null = null;

  /** `appPath`: the setup path in force; an unsaved mapping is that path's defaults (issue 22). */
  constructor(
    private readonly dataDir: string,
    private readonly appPath: () => AppPath = () => DEFAULT_APP_PATH,
  ) {}

  async mapping(): Promise<MappingState> {
    const file = dataFiles.mapping(this.dataDir);
    const json = await readJson(file).catch(() => null);
    const path = this.appPath();
    const defaults = defaultMappingFor(path);
    if (json === undefined)
      return { config: defaults, saved: false, problems: validateForPath(defaults, path) };
    // A file that fits the schema is the admin's work, problems and all; only a misshapen file is unreadable.
    const shaped = mappingConfigSchema.safeParse(json);
    if (shaped.success)
      return { config: shaped.data, saved: true, problems: validateForPath(shaped.data, path) };
    const parsed = parseMappingConfig(json);
    return {
      config: defaults,
      saved: false,
      problems: [
        {
          severity: 'error',
          message: `${file} could not be read; showing the ${path === 'custom' ? 'custom app' : 'gallery'} defaults until you save.`,
        },
        ...parsed.problems,
      ],
    };
  }

  async saveMapping(config: MappingConfig): Promise<MappingState> {
    await writeJsonFile(dataFiles.mapping(this.dataDir), config);
    return this.mapping();
  }

  /**
   * Saves the defaults of the app path as the mapping: the admin chose them, so the step is done (deleting
   * the file instead left "Saved" on screen while the step fell back to Not started).
   */
  async resetMapping(): Promise<MappingState> {
    return this.saveMapping(defaultMappingFor(this.appPath()));
  }

  async scope(): Promise<ScopeState> {
    const file = dataFiles.scope(this.dataDir);
    const json = await readJson(file).catch(() => null);
    if (json === undefined)
      return {
        config: DEFAULT_SCOPE_CONFIG,
        saved: false,
        problems: validateScopeConfig(DEFAULT_SCOPE_CONFIG),
      };
    const shaped = scopeConfigSchema.safeParse(json);
    if (shaped.success)
      return { config: shaped.data, saved: true, problems: validateScopeConfig(shaped.data) };
    const parsed = parseScopeConfig(json);
    return {
      config: DEFAULT_SCOPE_CONFIG,
      saved: false,
      problems: [
        {
          severity: 'error',
          message: `${file} could not be read; showing the default scope until you save.`,
        },
        ...parsed.problems,
      ],
    };
  }

  async saveScope(config: ScopeConfig): Promise<ScopeState> {
    await writeJsonFile(dataFiles.scope(this.dataDir), config);
    return this.scope();
  }

  async resetScope(): Promise<ScopeState> {
    const file = dataFiles.scope(this.dataDir);
    await serialised(file, () => rm(file, { force: true }));
    return this.scope();
  }

  /** Cheap: the status rail asks on every change, and an import can hold 100,000 users. */
  async hasImportedUsers(): Promise<boolean> {
    const exists = (file: string) =>
      access(file).then(
        () => true,
        () => false,
      );
    return (
      (await exists(dataFiles.importedUsers(this.dataDir))) ||
      exists(dataFiles.legacyImportedUsers(this.dataDir))
    );
  }

  /**
   * The saved users as a compact table, or null when none are imported. A damaged file is an ApiError that
   * names it (never read as "no users", which would let a dry run or export go on without them).
   */
  async importedUsers(): Promise<ImportedUsers | null> {
    const file = dataFiles.importedUsers(this.dataDir);
    const legacy = dataFiles.legacyImportedUsers(this.dataDir);
    const found = await stat(file).then(
      (info) => ({ file, info }),
      () =>
        stat(legacy).then(
          (info) => ({ file: legacy, info }),
          () => null,
        ),
    );
    if (!found) return null;
    const key = `${found.file}:${found.info.mtimeMs}:${found.info.size}`;
    if (this.usersCache?.key !== key) {
      const value = this.readUsers(found.file, found.file === legacy);
      this.usersCache = { key, value };
      value.catch(() => {
        if (this.usersCache?.value === value) this.usersCache = null;
      });
    }
    return this.usersCache.value;
  }

  private async readUsers(file: string, legacy: boolean): Promise<ImportedUsers | null> {
    try {
      if (!legacy) return await readSavedUsers(file);
      let json: unknown;
      try {
        json = JSON.parse(await readFile(file, 'utf8'));
      } catch (error) {
        if (isMissing(error)) return null;
        throw new SavedUsersError(`${file} is not valid JSON (it is damaged); import the users again`);
      }
      return upgradeLegacyUsers(json, file);
    } catch (error) {
      if (isMissing(error)) return null; // Replaced by a newer import while we looked.
      if (error instanceof SavedUsersError) throw new ApiError('invalid-request', error.message);
      throw error;
    }
  }

  async importedAssignments(): Promise<ImportedAssignments | null> {
    return (
      ((await readJson(dataFiles.importedAssignments(this.dataDir)).catch(() => undefined)) as
        ImportedAssignments | undefined) ?? null
    );
  }

  /** New users; the current assignments are carried over into the same committed unit. */
  async saveImportedUsers(value: ImportedUsers): Promise<void> {
    await commitImport(this.dataDir, { lines: savedUsersLines(value) }, 'keep');
    await this.remember(value);
  }

  /** The users just saved are the ones the next read would load: keep them rather than read them back. */
  private async remember(value: ImportedUsers): Promise<void> {
    if (!(value.users instanceof UserTable)) return;
    const file = dataFiles.importedUsers(this.dataDir);
    const info = await stat(file).catch(() => null);
    if (info)
      this.usersCache = { key: `${file}:${info.mtimeMs}:${info.size}`, value: Promise.resolve(value) };
  }

  async saveImportedAssignments(value: ImportedAssignments | null): Promise<void> {
    await commitImport(this.dataDir, 'keep', value === null ? 'remove' : { write: value });
  }

  /** Users and assignments of one import, committed together: a kill never leaves a mixed pair. */
  async saveImport(users: ImportedUsers, assignments: ImportedAssignments | null): Promise<void> {
    await commitImport(
      this.dataDir,
      { lines: savedUsersLines(users) },
      assignments === null ? 'remove' : { write: assignments },
    );
    await this.remember(users);
  }

  async clearImports(): Promise<void> {
    await clearImportsCommit(this.dataDir);
  }
}
