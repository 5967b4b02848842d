import { createAppContext, type AppContext } from '../app/context';
import { defaultDataDir } from '../app/paths';
import { confBacking } from '../settings/node-backing';

/** The CLI shares the app's data folder and keychain item; 'browser' is the Node-side transport. */
export function openCliContext(env: NodeJS.ProcessEnv): Promise<AppContext> {
  return createAppContext({
    transport: 'browser',
    dataDir: defaultDataDir(env),
    env,
    settingsBacking: confBacking,
  });
}
