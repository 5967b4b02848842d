import { createAppContext, type AppContext } from '../../main/app/context';
import { confBacking } from '../../main/settings/node-backing';
import { tempDir, uniqueKeychainService } from './temp';

export interface TestContext {
  context: AppContext;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  cleanup(): Promise<void>;
}

/** The real app context (conf settings, real keychain when present) on a throwaway folder and keychain item. */
export async function createTestContext(): Promise<TestContext> {
  const dir = tempDir();
  const env = { ...process.env, JPA_KEYCHAIN_SERVICE: uniqueKeychainService(), JPA_DATA_DIR: dir.path };
  const context = await createAppContext({
    transport: 'browser',
    dataDir: dir.path,
    env,
    settingsBacking: confBacking,
  });
  return {
    context,
    dataDir: dir.path,
    env,
    async cleanup() {
      await context.vault.forget().catch(() => undefined);
      dir.remove();
    },
  };
}
