import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { _electron, expect, type ElectronApplication } from '@playwright/test';
import type { AssistantDriver, DriverOptions } from './driver';

/**
 * The Electron binary, or why there is none. Resolved the way the electron package's index.js does, but
 * without calling it: on a machine installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 that file would try to
 * download the binary. ELECTRON_OVERRIDE_DIST_PATH points at a binary installed elsewhere.
 */
export function electronBinary(): { path: string } | { missing: string } {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? join(override, relative ?? 'electron')
    : relative
      ? join(packageDir, 'dist', relative)
      : null;
  if (candidate && existsSync(candidate)) return { path: candidate };
  return {
    missing:
      'no Electron binary is installed here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or the download failed); ' +
      'the browser project runs the same specs against the same main-process handlers',
  };
}

export async function launchElectronDriver(
  executablePath: string,
  options: DriverOptions,
): Promise<AssistantDriver> {
  const log: string[] = [];
  const launch = async (): Promise<ElectronApplication> => {
    const app = await _electron.launch({
      executablePath,
      args: ['.'],
      env: { ...options.env, JPA_DATA_DIR: options.dataDir } as Record<string, string>,
    });
    app.process().stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
    app.process().stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
    return app;
  };
  let app = await launch();
  const firstPage = async () => {
    const page = await app.firstWindow();
    await page.waitForSelector('[data-app-state="loaded"]');
    return page;
  };
  const driver = {
    page: await firstPage(),
    dataDir: options.dataDir,
    apiResponses: [] as string[],
    output: () => log.join(''),
    async saveNextExport(filePath: string, trigger: () => Promise<void>) {
      // Native dialogs cannot be driven by Playwright: answer the next save dialog from main instead.
      await app.evaluate(({ dialog }, path) => {
        dialog.showSaveDialog = (() =>
          Promise.resolve({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog;
      }, filePath);
      await trigger();
      await expect.poll(() => existsSync(filePath), { timeout: 15_000 }).toBe(true);
      return readFileSync(filePath, 'utf8');
    },
    async restart() {
      await app.close();
      app = await launch();
      driver.page = await firstPage();
    },
    close: () => app.close(),
  };
  return driver;
}
