/**
 * Starts the real desktop start-up (main/electron/desktop-app.ts) on the Electron stand-in, with the real
 * handler host in a real child process. Each call gets fresh modules, so each test has its own `app`.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { tempDir, uniqueKeychainService } from '../support/temp';

export const hostEntry = fileURLToPath(new URL('../../main/host/entry.ts', import.meta.url));
export const preloadModule = '../../main/electron/preload';

export type StandIn = typeof import('./stand-in/index');

export interface StartOptions {
  dataDir?: string;
  packaged?: boolean;
  platform?: NodeJS.Platform;
  lockTakenElsewhere?: boolean;
  /** Wait for a window (default) or for the app to have quit. */
  expect?: 'window' | 'quit';
  /** The keychain service main reads (default: a new one); the host child reads process.env's. */
  keychainService?: string;
}

export async function startStandInApp(options: StartOptions = {}) {
  vi.resetModules();
  const electron: StandIn = await import('./stand-in/index');
  const { startDesktopApp } = await import('../../main/electron/desktop-app');
  const dir = options.dataDir ? null : tempDir('jpa-electron-');
  const dataDir = options.dataDir ?? dir!.path;
  const { app, BrowserWindow } = electron;
  app.isPackaged = options.packaged ?? false;
  app.lockTakenElsewhere = options.lockTakenElsewhere ?? false;
  // The built renderer is not needed to test main: a one-line page stands in for out/renderer.
  const appRoot = tempDir('jpa-app-root-');
  mkdirSync(join(appRoot.path, 'out', 'renderer'), { recursive: true });
  writeFileSync(
    join(appRoot.path, 'out', 'renderer', 'index.html'),
    '<!doctype html><title>stand-in</title>',
  );
  app.appPath = appRoot.path;
  const env = {
    ...process.env,
    JPA_DATA_DIR: dataDir,
    JPA_KEYCHAIN_SERVICE: options.keychainService ?? uniqueKeychainService(),
  };

  const processEvents = new EventEmitter();
  startDesktopApp({
    env,
    hostModule: hostEntry,
    processEvents: processEvents as unknown as NodeJS.Process,
    ...(options.platform ? { platform: options.platform } : {}),
  });
  if (!app.hasQuit) app.simulateReady();
  await vi.waitFor(
    () => {
      // A window counts once its page has loaded and it is shown (ready-to-show): only then can it call.
      const done =
        options.expect === 'quit' ? app.hasQuit : BrowserWindow.getAllWindows().some((w) => w.visible);
      if (!done) throw new Error('still starting');
    },
    { timeout: 15_000, interval: 25 },
  );
  const window = BrowserWindow.getAllWindows()[0] ?? null;

  const mainFrameOf = (w: InstanceType<StandIn['BrowserWindow']>) => ({
    contents: w.webContents,
    frame: w.webContents.mainFrame,
  });

  return {
    electron,
    dataDir,
    /** Stands in for `process` in main: emit 'uncaughtException' on it. */
    processEvents,
    window,
    /** An API call the way the preload makes it, from `sender` (default: the main window's top frame). */
    async invoke(channel: string, payload: unknown = {}, sender = window && mainFrameOf(window)) {
      const { invokeAs } = await import('./stand-in/ipc');
      if (!sender) throw new Error('no window to send from');
      return invokeAs(sender, `api:${channel}`, payload) as Promise<{
        ok: boolean;
        value?: unknown;
        error?: { code: string; message: string };
      }>;
    },
    /** Quits the way the admin would, and waits until the host has stopped. */
    async quit() {
      if (!app.hasQuit) app.quit();
      await vi.waitFor(
        () => {
          if (!app.hasQuit) throw new Error('still quitting');
        },
        { timeout: 15_000, interval: 25 },
      );
      // The host's last log line can land while the folder is removed: retry.
      for (const path of [dir?.path, appRoot.path]) {
        if (path) rmSync(path, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
      }
    },
  };
}
