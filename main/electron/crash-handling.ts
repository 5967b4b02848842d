/**
 * What happens when something dies: a renderer (`render-process-gone`), a Chromium helper or our handler
 * host (`child-process-gone`, the host's exit), a window that stops answering (`unresponsive`), or an error
 * nobody caught in main. Each is logged, the admin is told in plain words, and offered a relaunch. At most
 * one such dialog is open at a time; a clean exit is not a crash.
 */
import { app, dialog, type BrowserWindow, type WebContents } from 'electron';
import type { Logger } from '../logging/logger';

const RELAUNCH = 0;

export interface CrashReporting {
  /** Tell the admin, offer a relaunch; resolves once they have answered. */
  offerRelaunch(message: string, detail: string, window?: BrowserWindow | null): Promise<void>;
}

export function createCrashReporting(logger: Logger): CrashReporting {
  let open = false;
  let leaving = false;
  return {
    async offerRelaunch(message, detail, window) {
      // One dialog at a time, and none once the admin has chosen to relaunch or quit.
      if (open || leaving) return;
      open = true;
      try {
        const options = {
          type: 'error' as const,
          title: 'Jostle Provisioning Assistant',
          message,
          detail: `${detail}\n\nYour settings and saved work are kept. Details are in the log file.`,
          buttons: ['Relaunch', 'Quit'],
          defaultId: RELAUNCH,
          cancelId: 1,
          noLink: true,
        };
        const { response } =
          window && !window.isDestroyed()
            ? await dialog.showMessageBox(window, options)
            : await dialog.showMessageBox(options);
        logger.log('info', response === RELAUNCH ? 'relaunching after a crash' : 'quitting after a crash');
        leaving = true;
        if (response === RELAUNCH) app.relaunch();
        // exit, not quit: a broken window or host must not hold up quitting.
        app.exit(0);
      } finally {
        open = false;
      }
    },
  };
}

/** Errors main did not catch: log them and offer a relaunch, instead of Electron's raw error box. */
export function handleUncaughtErrors(
  logger: Logger,
  crashes: CrashReporting,
  target: Pick<NodeJS.Process, 'on'> = process,
): void {
  const report = (kind: string) => (error: unknown) => {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    logger.log('error', kind, { error: text, stack: error instanceof Error ? (error.stack ?? '') : '' });
    void crashes.offerRelaunch('The assistant ran into an unexpected problem.', text);
  };
  target.on('uncaughtException', report('uncaught exception in main'));
  target.on('unhandledRejection', report('unhandled rejection in main'));
}

/** Helper processes Chromium runs (GPU, network, utility): a crash of one is logged; ours is handled apart. */
export function watchChildProcesses(logger: Logger): void {
  app.on('child-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    logger.log('warn', 'a helper process stopped', {
      type: details.type,
      reason: details.reason,
      exitCode: details.exitCode,
      name: details.name ?? details.serviceName ?? '',
    });
  });
}

/** The main window's renderer and responsiveness. */
export function watchWindow(window: BrowserWindow, logger: Logger, crashes: CrashReporting): void {
  const contents: WebContents = window.webContents;
  contents.on('render-process-gone', (_event, details) => {
    logger.log('error', 'the window’s page stopped', { reason: details.reason, exitCode: details.exitCode });
    if (details.reason === 'clean-exit') return;
    void crashes.offerRelaunch(
      'The assistant’s window stopped working.',
      `Its page ended unexpectedly (${details.reason}, exit code ${details.exitCode}).`,
    );
  });
  let asking = false;
  window.on('unresponsive', () => {
    logger.log('warn', 'the window is not responding');
    if (asking) return; // one question at a time, however often Chromium reports it
    asking = true;
    void (async () => {
      const { response } = await dialog.showMessageBox(window, {
        type: 'warning',
        title: 'Jostle Provisioning Assistant',
        message: 'The assistant’s window is not responding.',
        detail: 'You can wait for it, or relaunch the assistant. Your saved work is kept.',
        buttons: ['Wait', 'Relaunch'],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      });
      asking = false;
      if (response === 1) {
        logger.log('info', 'relaunching an unresponsive window');
        app.relaunch();
        app.exit(0);
      }
    })();
  });
  window.on('responsive', () => logger.log('info', 'the window is responding again'));
}
