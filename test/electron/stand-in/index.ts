/**
 * A STAND-IN for the small part of Electron's API that main/electron uses — not Electron. The Electron
 * binary cannot be installed on our build machines, so the vitest config resolves `electron` here and the
 * real main/electron code and the real electron-store run in Node against it. Shapes and behaviours follow
 * node_modules/electron/electron.d.ts (Electron 45); types are taken from it so the compiler checks that
 * our calls match. What it does not model: rendering, real Chromium permission prompts, the OS clipboard,
 * GPU/renderer processes. The `_electron` Playwright E2E on the packaged app covers those where Electron is
 * installed.
 */
import { app } from './app';
import { ClipboardItem, clipboard, dialog, Menu, screen, shell } from './desktop';
import { contextBridge, ipcMain, ipcRenderer, webUtils } from './ipc';
import { routeLoginTo, net, useSystemProxy } from './net';
import { defaultSession, protocol, session } from './session';
import { routeChildLoginsTo, utilityProcess } from './utility-process';
import { StandInBrowserWindow as BrowserWindow } from './web-contents';

export {
  app,
  BrowserWindow,
  ClipboardItem,
  clipboard,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  net,
  protocol,
  screen,
  session,
  shell,
  utilityProcess,
  webUtils,
};

const electron = {
  app,
  BrowserWindow,
  ClipboardItem,
  clipboard,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  net,
  protocol,
  screen,
  session,
  shell,
  utilityProcess,
  webUtils,
};
export default electron;

// Chromium's net reads the same system proxy settings resolveProxy answers from, and a proxy's sign-in
// prompt reaches main's app 'login' handler (a utility process forked with respondToAuthRequestsFromMainProcess).
useSystemProxy((url) => defaultSession.proxyFor(url));
routeLoginTo(app);
routeChildLoginsTo(app);
