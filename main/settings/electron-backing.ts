import ElectronStore, { type Options } from 'electron-store';
import type { BackingStore, BackingStoreFactory } from './settings-store';
import type { SettingsData } from './schema';

/**
 * electron-store in the desktop app. It names the file with `name` (default "config") and overwrites any
 * `configName` it is given with that, so passing conf's option would put the settings in config.json.
 * With an absolute `cwd` it needs nothing from Electron's `app`, which is why it also works in the utility
 * process that hosts the handlers.
 */
export const electronStoreBacking: BackingStoreFactory = ({ fileBaseName, ...options }) =>
  new ElectronStore<SettingsData>({
    ...options,
    name: fileBaseName,
  } as unknown as Options<SettingsData>) as unknown as BackingStore;
