import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { _electron, expect, type ElectronApplication } from '@playwright/test';
import type { AssistantDriver, DriverOptions } from './driver';

/** Whether an Electron binary is installed (the electron package's path.txt and dist/, or an override). */
function electronInstalled(): boolean {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? join(override, relative ?? 'electron')
    : relative
      ? join(packageDir, 'dist', relative)
      : null;
  return Boolean(candidate && existsSync(candidate));
}

/** Where `npm run dist:e2e` (electron-builder --dir, build/electron-builder.e2e.yml) puts the executable. */
function packagedExecutable(): string {
  const root = join(process.cwd(), 'release-e2e');
  const product = 'Jostle Provisioning Assistant';
  if (process.platform === 'win32') return join(root, 'win-unpacked', `${product}.exe`);
  if (process.platform === 'darwin') {
    const dir =
      ['mac-arm64', 'mac', 'mac-universal'].map((d) => join(root, d)).find(existsSync) ?? join(root, 'mac');
    return join(dir, `${product}.app`, 'Contents', 'MacOS', product);
  }
  return join(root, 'linux-unpacked', 'jostle-provisioning-assistant');
}

/**
 * The packaged app the Electron E2E launches — asar, fuses and the unpacked keychain module as they ship —
 * or why there is none. JPA_PACKAGED_APP points at an executable built elsewhere. Where Electron is
 * installed but the package was not built, this throws (a skip would hide that the E2E did not run).
 */
export function electronBinary(): { path: string } | { missing: string } {
  const explicit = process.env.JPA_PACKAGED_APP;
  if (explicit) return { path: explicit };
  if (!electronInstalled()) {
    return {
      missing:
        'no Electron binary is installed here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or the download failed), ' +
        'so the packaged app cannot be built or run; the browser project runs the same specs against the same handlers',
    };
  }
  const executable = packagedExecutable();
  if (!existsSync(executable)) {
    throw new Error(
      `The packaged app is not built: run \`npm run dist:e2e\` first (expected ${executable}).`,
    );
  }
  return { path: executable };
}

export async function launchElectronDriver(
  executablePath: string,
  options: DriverOptions,
): Promise<AssistantDriver> {
  const log: string[] = [];
  const launch = async (): Promise<ElectronApplication> => {
    const app = await _electron.launch({
      executablePath,
      // The packaged app loads its own app.asar: no app path argument. As root (containers) Chromium
      // refuses to start sandboxed.
      args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
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
