import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Jostle Provisioning Assistant';

/**
 * The data folder: `JPA_DATA_DIR` when set (tests, parallel runs, portable use), else the folder Electron's
 * `app.getPath('userData')` uses for this product, so the desktop app, the browser mode and the CLI share it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  const override = env.JPA_DATA_DIR?.trim();
  if (override) return override;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}
