/** The setup path in force: a CLI `--app` for this run, else the saved setting (default gallery). */
import { DEFAULT_APP_PATH, type AppPath } from '../../shared/app-path/app-path';

/** The part of the app context this reads (a structural type, so app-path.ts and context.ts need no cycle). */
interface AppPathSources {
  settings: { read(): { appPath?: AppPath } };
  appPathOverride?: AppPath;
}

export function readAppPath(context: AppPathSources): AppPath {
  return context.appPathOverride ?? context.settings.read().appPath ?? DEFAULT_APP_PATH;
}
