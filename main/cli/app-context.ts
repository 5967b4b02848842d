import { createAppContext, type AppContext } from '../app/context';
import type { ClientSettings } from '../network/client-settings';
import { defaultDataDir } from '../app/paths';
import { confBacking } from '../settings/node-backing';

/**
 * The CLI is a client of the same AppContext as the window: the app's data folder, keychain item, saved
 * settings (Diagnostics > Network: trusted certificates, system CA) and defaults, under its own transport
 * name 'cli'. When opening the settings moved an unreadable file aside during this run, `warn` gets the
 * notice, so a command-line user learns it as the window's user would. `network` carries a command's own
 * overrides (`--ca-file`), which win over the saved setting exactly as the entry points' injections do.
 */
export async function openCliContext(
  env: NodeJS.ProcessEnv,
  warn?: (line: string) => void,
  network: Omit<ClientSettings, 'env'> = {},
): Promise<AppContext> {
  const openedAt = Date.now();
  const context = await createAppContext({
    transport: 'cli',
    dataDir: defaultDataDir(env),
    env,
    settingsBacking: confBacking,
    network,
  });
  for (const notice of context.settings.read().notices) {
    if (notice.id === 'settings-unreadable' && Date.parse(notice.at) >= openedAt) warn?.(notice.message);
  }
  return context;
}
