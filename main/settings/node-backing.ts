import Conf, { type Options } from 'conf';
import type { BackingStore, BackingStoreFactory } from './settings-store';
import type { SettingsData } from './schema';

/**
 * conf in plain Node; the Electron entry point passes electron-store instead (./electron-backing). conf
 * names the file with `configName`. Its `defaults` type does not accept records keyed by dotted paths,
 * hence the cast; the schema still validates at run time.
 */
export const confBacking: BackingStoreFactory = ({ fileBaseName, ...options }) =>
  new Conf<SettingsData>({
    ...options,
    configName: fileBaseName,
  } as unknown as Options<SettingsData>) as unknown as BackingStore;
