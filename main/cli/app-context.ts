import { createAppContext, type AppContext } from '../app/context';
import { defaultDataDir } from '../app/paths';
import { confBacking } from '../settings/node-backing';

/**
 * The CLI shares the app's data folder and keychain item; 'browser' is the Node-side transport. When opening
 * the settings moved an unreadable file aside during this run, `warn` gets the notice, so a command-line user
 * learns it as the window's user would.
 */
export async function openCliContext(
  env: NodeJS.ProcessEnv,
  warn?: (line: string) => void,
): Promise<AppContext> {
  const openedAt = Date.now();
  const context = await createAppContext({
    transport: 'browser',
    dataDir: defaultDataDir(env),
    env,
    settingsBacking: confBacking,
  });
  for (const notice of context.settings.read().notices) {
    if (notice.id === 'settings-unreadable' && Date.parse(notice.at) >= openedAt) warn?.(notice.message);
  }
  return context;
}
