/**
 * Compile-time check that the stand-in offers what main/electron calls, with electron.d.ts's signatures:
 * each stand-in object must be assignable to the real API's members we use (`tsc` resolves `electron` to
 * node_modules/electron/electron.d.ts; only vitest maps it to the stand-in). A stand-in method that drifts
 * from Electron's breaks `npm run typecheck`.
 */
import type * as Real from 'electron';
import type * as StandIn from './index';

type Uses<RealApi, StandInApi extends RealApi> = StandInApi;

export type Conformance = [
  Uses<
    Pick<
      Real.App,
      | 'requestSingleInstanceLock'
      | 'enableSandbox'
      | 'whenReady'
      | 'isReady'
      | 'quit'
      | 'exit'
      | 'relaunch'
      | 'setPath'
      | 'getPath'
      | 'getAppPath'
      | 'getVersion'
      | 'isPackaged'
      | 'name'
    >,
    typeof StandIn.app
  >,
  Uses<Pick<Real.Clipboard, 'writeText' | 'readText' | 'clear' | 'has'>, typeof StandIn.clipboard>,
  Uses<Pick<Real.Protocol, 'handle' | 'registerSchemesAsPrivileged'>, typeof StandIn.protocol>,
  Uses<
    Pick<Real.Session, 'resolveProxy' | 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
    typeof StandIn.session.defaultSession
  >,
  Uses<Pick<Real.Dialog, 'showErrorBox' | 'showSaveDialog'>, typeof StandIn.dialog>,
  Uses<Pick<Real.IpcMain, 'handle' | 'removeHandler'>, typeof StandIn.ipcMain>,
  Uses<Pick<Real.IpcRenderer, 'invoke'>, typeof StandIn.ipcRenderer>,
  Uses<Pick<Real.ContextBridge, 'exposeInMainWorld'>, typeof StandIn.contextBridge>,
  Uses<Pick<Real.WebUtils, 'getPathForFile'>, typeof StandIn.webUtils>,
  Uses<Pick<Real.Shell, 'openExternal'>, typeof StandIn.shell>,
  Uses<
    Pick<Real.UtilityProcess, 'postMessage' | 'kill' | 'pid'>,
    ReturnType<typeof StandIn.utilityProcess.fork>
  >,
  Uses<
    Pick<
      Real.BrowserWindow,
      | 'show'
      | 'focus'
      | 'restore'
      | 'isMinimized'
      | 'maximize'
      | 'isMaximized'
      | 'getNormalBounds'
      | 'isDestroyed'
      | 'destroy'
      | 'loadURL'
      | 'loadFile'
    >,
    StandIn.BrowserWindow
  >,
  Uses<
    Pick<
      Real.WebContents,
      'id' | 'setWindowOpenHandler' | 'getURL' | 'printToPDF' | 'reload' | 'isDestroyed' | 'loadURL'
    >,
    StandIn.BrowserWindow['webContents']
  >,
];
