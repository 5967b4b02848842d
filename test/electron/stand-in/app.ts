/**
 * `app`, as electron.d.ts documents it for the calls we make: the single-instance lock, ready, quit with
 * cancellable 'before-quit', relaunch/exit, paths. `simulateReady()` is what Chromium's start-up would do.
 */
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { standInEvent } from './events';
import { utilityProcess } from './utility-process';
import { onWebContentsCreated, StandInBrowserWindow } from './web-contents';

class StandInApp extends EventEmitter {
  isPackaged = false;
  name = 'Jostle Provisioning Assistant';
  /** Set by a test to play "another instance already holds the lock". */
  lockTakenElsewhere = false;
  lockHeld = false;
  sandboxEnabled = false;
  quitRequested = 0;
  hasQuit = false;
  relaunched: Array<Electron.RelaunchOptions | undefined> = [];
  exitCode: number | null = null;
  private ready = false;
  private readyWaiters: Array<() => void> = [];
  private readonly paths = new Map<string, string>();
  appPath = process.cwd();

  constructor() {
    super();
    onWebContentsCreated((contents) => this.emit('web-contents-created', standInEvent(), contents));
  }

  requestSingleInstanceLock(): boolean {
    if (this.lockTakenElsewhere) return false;
    this.lockHeld = true;
    return true;
  }

  enableSandbox(): void {
    // Electron: "This method can only be called before app is ready."
    if (this.ready) throw new Error('app.enableSandbox() can only be called before app is ready');
    this.sandboxEnabled = true;
  }

  isReady(): boolean {
    return this.ready;
  }

  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  simulateReady(): void {
    this.ready = true;
    this.emit('ready', standInEvent(), {});
    this.readyWaiters.splice(0).forEach((resolve) => resolve());
  }

  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }

  /** As in Electron, userData defaults to <appData>/<app name>; appData here is under the temp folder. */
  getPath(name: string): string {
    const path = this.paths.get(name);
    if (path) return path;
    const appData = this.paths.get('appData') ?? join(tmpdir(), 'jpa-stand-in-appData');
    if (name === 'appData') return appData;
    if (name === 'userData') return join(appData, this.name);
    if (name === 'temp') return tmpdir();
    throw new Error(`stand-in app: no path for ${name}`);
  }

  getAppPath(): string {
    return this.appPath;
  }

  getVersion(): string {
    return '0.0.0-stand-in';
  }

  /** Electron: emits 'before-quit' (cancellable), closes the windows, then 'will-quit' and 'quit'. */
  quit(): void {
    this.quitRequested += 1;
    const event = standInEvent();
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    for (const window of StandInBrowserWindow.getAllWindows()) window.destroy();
    this.finish(0);
  }

  /** Electron: quits at once, without 'before-quit' and without asking the windows. */
  exit(code = 0): void {
    for (const window of StandInBrowserWindow.getAllWindows()) window.destroy();
    this.finish(code);
  }

  relaunch(options?: Electron.RelaunchOptions): void {
    this.relaunched.push(options);
  }

  private finish(code: number): void {
    if (this.hasQuit) return;
    this.hasQuit = true;
    this.exitCode = code;
    this.lockHeld = false; // the lock goes with the process
    // Electron ends the app's utility processes with it.
    for (const child of utilityProcess.forked) child.kill();
    this.emit('will-quit', standInEvent());
    this.emit('quit', standInEvent(), code);
  }
}

export const app = new StandInApp();
export type { StandInApp };
