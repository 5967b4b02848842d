/**
 * The input-file options of `preview` and `dry-run` and what loading them yields: its own module so the
 * file loader (load-inputs.ts) and the saved-data loader (saved-inputs.ts) share them without a cycle.
 */
import type { TargetObjectActions } from '../../shared/entra-schema';
import { DEFAULT_APP_PATH, parseAppPath, type AppPath } from '../../shared/app-path/app-path';
import type { MappingConfig } from '../../shared/mapping';
import type { ScopeConfig } from '../../shared/scoping';
import type { AssignmentList, UserList } from '../../shared/source-data';
import { UsageError } from './command';

/** The parseArgs options of the input files, the same for every command that reads them. */
export const inputFileOptions = {
  users: { type: 'string', multiple: true },
  assignments: { type: 'string' },
  mapping: { type: 'string' },
  scope: { type: 'string' },
  /** Which Entra app (issue 22): picks the default mapping and how --mapping is checked. */
  app: { type: 'string' },
  'entra-schema': { type: 'string' },
} as const;

/** `--app gallery|custom`, default gallery; anything else is a usage error. */
export function appPathOption(text: string | undefined): AppPath {
  if (text === undefined) return DEFAULT_APP_PATH;
  try {
    return parseAppPath(text);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The help line for --app, the same in every command. */
export const APP_OPTION_HELP =
  '  --app gallery|custom  Which Entra app you set up: the Jostle gallery app, or a custom non-gallery app\n' +
  "                        that starts from Entra's generic SCIM mappings (default: gallery)";

export interface InputPaths {
  users: string[];
  assignments?: string;
  mapping?: string;
  scope?: string;
  app?: string;
  /** Entra's synchronization schema, in place of `mapping` and `scope`. */
  entraSchema?: string;
}

export interface LoadedInputs {
  users: UserList;
  assignments: AssignmentList | undefined;
  scope: ScopeConfig;
  mapping: MappingConfig;
  appPath: AppPath;
  /** The Entra schema in use (--entra-schema, else the one imported in the app): where job settings start. */
  entraSchema: { fileName: string; targetObjectActions: TargetObjectActions } | null;
}
