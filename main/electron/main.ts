/**
 * Electron entry point: window, protocol and IPC glue only. Everything the assistant does lives in
 * handlers that also run in plain Node (browser mode, CLI, tests).
 */
import { app, session, shell, type BrowserWindow } from 'electron';
import ElectronStore from 'electron-store';
import { join } from 'node:path';
import { clearApiKeyFromClipboard } from '../api/entra-handoff-handlers';
import { createHandlers } from '../api/handlers';
import { createAppContext } from '../app/context';
import { graphSession } from '../graph/session';
import { signInBrowserOpener } from '../graph/clouds';
import type { BackingStore } from '../settings/settings-store';
import { isAppUrl, registerAppScheme, serveRenderer } from './app-protocol';
import { electronClipboard } from './clipboard';
import { electronExportSaver } from './export-saver';
import { registerIpcBridge } from './ipc-bridge';
import { createMainWindow } from './window';

if (process.env.JPA_DATA_DIR) app.setPath('userData', process.env.JPA_DATA_DIR);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Every renderer sandboxed, whatever its webPreferences say (checklist #4); must run before ready.
  app.enableSandbox();
  registerAppScheme();
  let mainWindow: BrowserWindow | null = null;
  const trusted = new Set<number>();

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // App-wide guards for every web contents, not just the main window (checklist #12, #13, #14).
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  void app.whenReady().then(async () => {
    // The assistant needs no camera, notifications, geolocation…: refuse every permission request.
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);

    const appRoot = app.getAppPath();
    serveRenderer(join(appRoot, 'out', 'renderer'));

    const context = await createAppContext({
      transport: 'electron',
      dataDir: app.getPath('userData'),
      env: process.env,
      settingsBacking: (options) => new ElectronStore(options as never) as unknown as BackingStore,
      // Chromium's view of the system proxy, PAC files included, for SCIM requests made from main.
      network: { resolveProxy: (url) => session.defaultSession.resolveProxy(url) },
      exportSaver: electronExportSaver(() => mainWindow),
      clipboard: electronClipboard,
    });
    // Microsoft Graph sign-in (main/graph): the system browser, for Microsoft's sign-in hosts only.
    (await graphSession(context)).openBrowser = signInBrowserOpener((url) => shell.openExternal(url)); // eng-disable OPEN_EXTERNAL_JS_CHECK
    let cleanedUp = false;
    app.on('before-quit', (event) => {
      if (cleanedUp) return;
      // Finish the clean-up before quitting: a copied key must not stay on the clipboard.
      event.preventDefault();
      void Promise.allSettled([
        clearApiKeyFromClipboard(context),
        context.dryRun.close(),
        context.mock.stop(),
      ]).then(() => {
        cleanedUp = true;
        app.quit();
      });
    });
    registerIpcBridge(createHandlers(context), trusted, context.logger);

    mainWindow = createMainWindow(join(appRoot, 'out', 'main', 'preload.cjs'), context.settings);
    trusted.add(mainWindow.webContents.id);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });

  app.on('window-all-closed', () => app.quit());
}
