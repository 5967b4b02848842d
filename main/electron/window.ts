import { BrowserWindow, screen, shell } from 'electron';
import { isAllowedExternalUrl } from '../../shared/links/allowlist';
import type { WindowBounds } from '../settings/schema';
import { APP_ORIGIN, isAppUrl } from './app-protocol';

/** Restores the saved size and position, unless that would put the window off every screen. */
function visibleBounds(saved: WindowBounds): Electron.Rectangle | { width: number; height: number } {
  if (saved.x === null || saved.y === null) return { width: saved.width, height: saved.height };
  const rectangle = { x: saved.x, y: saved.y, width: saved.width, height: saved.height };
  const area = screen.getDisplayMatching(rectangle).workArea;
  const overlaps =
    rectangle.x < area.x + area.width &&
    rectangle.x + rectangle.width > area.x &&
    rectangle.y < area.y + area.height &&
    rectangle.y + rectangle.height > area.y;
  return overlaps ? rectangle : { width: saved.width, height: saved.height };
}

export function createMainWindow(
  preloadPath: string,
  saved: WindowBounds,
  saveBounds: (bounds: WindowBounds) => void,
): BrowserWindow {
  const window = new BrowserWindow({
    ...visibleBounds(saved),
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Jostle Provisioning Assistant',
    webPreferences: {
      // The preload is sandboxed CommonJS and exposes one named function per API channel, nothing else
      // (main/electron/preload.ts); docs/security.md, checklist items 3, 4 and 20.
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would open links in a new window; setWindowOpenHandler denies that anyway.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (saved.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  // New windows are never opened; allow-listed https links go to the system browser instead.
  window.webContents.setWindowOpenHandler(({ url }) => {
    // Only https URLs on the fixed host allowlist (shared/links/allowlist.ts) reach the system browser.
    if (isAllowedExternalUrl(url)) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());

  window.on('close', () => {
    const bounds = window.getNormalBounds();
    saveBounds({ ...bounds, maximized: window.isMaximized() });
  });

  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
