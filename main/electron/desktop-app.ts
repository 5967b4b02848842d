/**
 * The desktop app's start-up. Main keeps what only it can do — windows, dialogs, the clipboard, Chromium's
 * proxy resolution, the IPC bridge — and runs the handler table in a utility process, so imports, previews,
 * dry runs and the embedded mock never stall the window. Written against `electron`'s API only, so the
 * Electron stand-in (test/electron) exercises exactly this code.
 */
import { app, dialog, session, shell, type BrowserWindow } from 'electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { HandlerHostClient, type HostProcess } from '../host/host-client';
import { createFileLogger } from '../logging/logger';
import { Redactor } from '../logging/redactor';
import { installAppMenu } from './app-menu';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { electronClipboard } from './clipboard';
import { revealConfirmation } from './reveal-dialog';
import {
  createCrashReporting,
  handleUncaughtErrors,
  watchChildProcesses,
  watchWindow,
} from './crash-handling';
import { electronExportSaver } from './export-saver';
import { guardAllWebContents, refuseAllPermissions } from './guards';
import { mainServices } from './host-services';
import { forwardEventsToWindows } from './event-bridge';
import { registerIpcBridge } from './ipc-bridge';
import { forkUtilityHost } from './utility-host';
import { answerProxyLogins } from './proxy-login';
import { readSavedProxyCredentials } from './proxy-keychain';
import { createMainWindow } from './window';

export interface DesktopAppOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Starts the handler host; default: an Electron utility process running out/main/handler-host.js. */
  forkHost?: (modulePath: string) => HostProcess;
  /** Default: out/main/handler-host.js in the app. */
  hostModule?: string;
  /** Where uncaught errors are reported; default `process`. */
  processEvents?: Pick<NodeJS.Process, 'on'>;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function startDesktopApp(options: DesktopAppOptions = {}): void {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  if (env.JPA_DATA_DIR) app.setPath('userData', env.JPA_DATA_DIR);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Every renderer sandboxed, whatever its webPreferences say (checklist #4); must run before ready.
  app.enableSandbox();
  registerAppScheme();
  guardAllWebContents();

  let mainWindow: BrowserWindow | null = null;
  const trusted = new Set<number>();
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(async () => {
    const appRoot = app.getAppPath();
    const dataDir = app.getPath('userData');
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const logger = createFileLogger(dataDir, new Redactor());
    const crashes = createCrashReporting(logger);
    handleUncaughtErrors(logger, crashes, options.processEvents ?? process);
    watchChildProcesses(logger);
    refuseAllPermissions(session.defaultSession);
    installAppMenu({ platform, release: app.isPackaged, appName: app.name });
    serveRenderer(join(appRoot, 'out', 'renderer'));
    let quitting = false;
    app.on('will-quit', () => {
      quitting = true;
    });
    const services = mainServices({
      clipboard: electronClipboard(platform),
      session: session.defaultSession,
      exportSaver: electronExportSaver(() => mainWindow),
      // Only Microsoft's sign-in hosts get through (host-services.ts checks before opening).
      openExternal: (url) => shell.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK
      confirmReveal: revealConfirmation(dialog, () => mainWindow),
    });
    const hostModule = options.hostModule ?? join(appRoot, 'out', 'main', 'handler-host.js');
    const host = new HandlerHostClient(
      (options.forkHost ?? forkUtilityHost)(hostModule),
      services,
      {
        dataDir,
        transport: 'electron',
        settingsBackend: 'electron-store',
        resolveProxyInMain: true,
        saveExportInMain: true,
        clipboardInMain: true,
      },
      (level, message) => logger.log(level, message),
      (code) => {
        // Quitting ends the host too; that is not a crash.
        if (quitting) return;
        logger.log('error', 'the handler host stopped', { exitCode: code });
        void crashes.offerRelaunch(
          'The assistant’s background process stopped.',
          `It ended with exit code ${code}.`,
          mainWindow,
        );
      },
    );
    // The host's requests go through Chromium; its proxies' Basic/Digest prompts come here (proxy-login.ts)
    // and, without a saved sign-in, go back to the host's prompt broker, which asks the window.
    answerProxyLogins(app, {
      savedCredentials: () => readSavedProxyCredentials(env),
      ask: (request) => host.askProxySignIn(request),
      log: (message, details) => logger.log('info', message, details),
    });
    registerIpcBridge((channel, payload) => host.call(channel, payload), trusted, logger);
    forwardEventsToWindows(
      host.subscribe,
      () => (mainWindow && !mainWindow.isDestroyed() ? [mainWindow.webContents] : []),
      trusted,
    );

    let saved;
    try {
      saved = await host.whenReady();
    } catch (error) {
      // Never a process with no window holding the single-instance lock: say why, then exit (which frees it).
      logger.log('error', 'the assistant could not start', { error: describe(error) });
      dialog.showErrorBox(
        'The assistant could not start',
        `${describe(error)}\n\nData folder: ${dataDir}\nDetails are in ${logger.file}.`,
      );
      app.exit(1);
      return;
    }

    const window = createMainWindow(join(appRoot, 'out', 'main', 'preload.cjs'), saved, (bounds) =>
      host.saveWindow(bounds),
    );
    mainWindow = window;
    const windowId = window.webContents.id;
    trusted.add(windowId);
    watchWindow(window, logger, crashes);
    window.on('closed', () => {
      trusted.delete(windowId);
      mainWindow = null;
    });

    let stopped = false;
    app.on('before-quit', (event) => {
      if (stopped) return;
      // Let the host finish first: a copied key must not stay on the clipboard, the mock must stop.
      event.preventDefault();
      if (mainWindow && !mainWindow.isDestroyed()) {
        host.saveWindow({ ...mainWindow.getNormalBounds(), maximized: mainWindow.isMaximized() });
      }
      void host.shutdown().then(() => {
        stopped = true;
        app.quit();
      });
    });
  });
}
