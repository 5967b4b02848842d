/**
 * BrowserWindow and webContents, the parts main/electron uses (electron.d.ts `class BrowserWindow`,
 * `class WebContents`, `class WebFrameMain`). No page is rendered: `loadURL` records the address and, for our
 * own app:// pages, goes through the registered protocol handler the way Chromium would, so a handler that
 * refuses the page shows up as a failed load. Frames are plain records with `url`, `parent` and `top`.
 */
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { standInEvent } from './events';
import { deliverToRenderer } from './ipc';

type WindowOpenHandler = Parameters<Electron.WebContents['setWindowOpenHandler']>[0];

export interface StandInFrame {
  url: string;
  parent: StandInFrame | null;
  top: StandInFrame | null;
  processId: number;
  routingId: number;
}

let nextId = 1;
const created = new EventEmitter();

/** app.on('web-contents-created') is fed from here (see app.ts). */
export const onWebContentsCreated = (listener: (contents: StandInWebContents) => void) =>
  created.on('created', listener);

export class StandInWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame: StandInFrame;
  windowOpenHandler: WindowOpenHandler | null = null;
  loadedUrls: string[] = [];
  pdfFromUrl: string | null = null;
  reloads = 0;
  private destroyed = false;
  /** What `loadURL` fetches through: set by the stand-in protocol module. */
  static fetchThroughProtocol: ((url: string) => Promise<Response | null>) | null = null;

  constructor() {
    super();
    this.mainFrame = { url: '', parent: null, top: null, processId: this.id, routingId: 1 };
    this.mainFrame.top = this.mainFrame;
    // Electron emits app 'web-contents-created' while the contents is being created, before the
    // BrowserWindow constructor returns: handlers the window sets afterwards replace the app-wide ones.
    created.emit('created', this);
  }

  /** A subframe (an <iframe>) inside this page, for the frame checks. */
  addSubframe(url: string): StandInFrame {
    return { url, parent: this.mainFrame, top: this.mainFrame, processId: this.id, routingId: 2 };
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  /** What Chromium does when a page calls window.open(url): ask the handler. */
  simulateWindowOpen(url: string): ReturnType<WindowOpenHandler> {
    const details = {
      url,
      frameName: '',
      features: '',
      disposition: 'new-window',
      referrer: { url: this.mainFrame.url, policy: 'default' },
    } as unknown as Electron.HandlerDetails;
    return this.windowOpenHandler ? this.windowOpenHandler(details) : { action: 'allow' };
  }

  /** A navigation the page starts: 'will-navigate' listeners may cancel it. True when it went ahead. */
  simulateNavigation(url: string): boolean {
    const event = standInEvent({ url, isMainFrame: true });
    this.emit('will-navigate', event, url);
    if (!event.defaultPrevented) this.mainFrame.url = url;
    return !event.defaultPrevented;
  }

  async loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    // Chromium refuses data: URLs over 2 MiB in the address bar and in loadURL.
    if (url.startsWith('data:') && url.length > 2 * 1024 * 1024) {
      throw new Error(`ERR_INVALID_URL (-300) loading '${url.slice(0, 40)}…'`);
    }
    if (StandInWebContents.fetchThroughProtocol) {
      const response = await StandInWebContents.fetchThroughProtocol(url);
      if (response && !response.ok) throw new Error(`ERR_FAILED (-2) loading '${url}'`);
    }
    this.mainFrame.url = url;
    this.emit('did-finish-load');
  }

  /** Loads a local file the way Chromium does: a missing file fails the load (ERR_FILE_NOT_FOUND). */
  async loadFile(path: string): Promise<void> {
    if (!existsSync(path)) throw new Error(`ERR_FILE_NOT_FOUND (-6) loading '${pathToFileURL(path).href}'`);
    this.loadedFileText = readFileSync(path, 'utf8');
    await this.loadURL(pathToFileURL(path).href);
  }

  /** Stand-in only: the text of the last file loaded with loadFile. */
  loadedFileText: string | null = null;

  getURL(): string {
    return this.mainFrame.url;
  }

  /** Electron: sends to the main frame's `ipcRenderer.on(channel)` listeners (see ipc.ts). */
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    deliverToRenderer(this, channel, args);
  }

  async printToPDF(_options: Electron.PrintToPDFOptions): Promise<Buffer> {
    this.pdfFromUrl = this.mainFrame.url;
    return Buffer.from(`%PDF-1.7 stand-in of ${this.mainFrame.url}`);
  }

  reload(): void {
    this.reloads += 1;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }

  /** The renderer process dies: what Chromium reports through 'render-process-gone'. */
  simulateRendererGone(details: Electron.RenderProcessGoneDetails): void {
    this.emit('render-process-gone', standInEvent(), details);
  }
}

const windows = new Set<StandInBrowserWindow>();

export class StandInBrowserWindow extends EventEmitter {
  readonly webContents = new StandInWebContents();
  readonly options: Electron.BrowserWindowConstructorOptions;
  visible = false;
  private maximized = false;
  private destroyed = false;

  constructor(options: Electron.BrowserWindowConstructorOptions = {}) {
    super();
    this.options = options;
    windows.add(this);
    StandInBrowserWindow.created.push(this);
    if (options.show !== false) this.visible = true;
    // Electron emits ready-to-show once the first paint is ready; here, once the first load finished.
    this.webContents.once('did-finish-load', () => this.emit('ready-to-show'));
  }

  /** Stand-in only: every window ever created, destroyed ones included. */
  static created: StandInBrowserWindow[] = [];

  static getAllWindows(): StandInBrowserWindow[] {
    return [...windows];
  }

  static fromWebContents(contents: StandInWebContents): StandInBrowserWindow | null {
    return [...windows].find((window) => window.webContents === contents) ?? null;
  }

  static reset(): void {
    windows.clear();
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  loadFile(path: string): Promise<void> {
    return this.webContents.loadFile(path);
  }

  show(): void {
    this.visible = true;
  }

  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }

  maximize(): void {
    this.maximized = true;
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  getNormalBounds(): Electron.Rectangle {
    return { x: 10, y: 20, width: 1000, height: 700 };
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  close(): void {
    const event = standInEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    windows.delete(this);
    this.webContents.destroy();
    this.emit('closed');
  }
}
