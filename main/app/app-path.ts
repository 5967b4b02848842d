/** The setup path in force: a CLI `--app` for this run, else the saved setting (default gallery). */
import { DEFAULT_APP_PATH, type AppPath } from '../../shared/app-path/app-path';
import type { AppContext } from './context';

export function readAppPath(context: Pick<AppContext, 'settings' | 'appPathOverride'>): AppPath {
  return context.appPathOverride ?? context.settings.read().appPath ?? DEFAULT_APP_PATH;
}
