import { test as base } from '@playwright/test';
import { KeyringSecretStore } from '../../main/secrets/keyring-store';
import { tempDir, uniqueKeychainService } from '../support/temp';
import { launchBrowserDriver } from './drivers/browser-driver';
import type { AssistantDriver, DriverOptions } from './drivers/driver';
import { electronBinary, launchElectronDriver } from './drivers/electron-driver';

export { expect } from '@playwright/test';

export const test = base.extend<{ driverOptions: DriverOptions; assistant: AssistantDriver }>({
  // A fresh data folder and keychain item per test: parallel-safe and never the admin's real key.
  // eslint-disable-next-line no-empty-pattern
  driverOptions: async ({}, use) => {
    const dir = tempDir('jpa-e2e-');
    const service = uniqueKeychainService();
    await use({ dataDir: dir.path, env: { ...process.env, JPA_KEYCHAIN_SERVICE: service } });
    await new KeyringSecretStore(service).delete('jostle-api-key').catch(() => undefined);
    dir.remove();
  },

  assistant: async ({ playwright, launchOptions, driverOptions }, use, testInfo) => {
    let driver: AssistantDriver;
    if (testInfo.project.name === 'electron') {
      const binary = electronBinary();
      if ('missing' in binary) {
        // The list reporter does not print skip reasons, so say it on the test's own output as well.
        console.log(`Electron E2E skipped: ${binary.missing}.`);
        testInfo.skip(true, `Electron E2E skipped: ${binary.missing}.`);
        return;
      }
      driver = await launchElectronDriver(binary.path, driverOptions);
      await use(driver);
      await driver.close();
      return;
    }
    const browser = await playwright.chromium.launch(launchOptions);
    driver = await launchBrowserDriver(browser, driverOptions);
    await use(driver);
    await driver.close();
    await browser.close();
  },
});
