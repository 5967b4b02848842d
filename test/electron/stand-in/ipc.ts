/**
 * ipcMain / ipcRenderer / contextBridge. `ipcRenderer.invoke` from a preload reaches the handler
 * registered with `ipcMain.handle`, with an IpcMainInvokeEvent whose `sender` and `senderFrame` are the
 * renderer's (electron.d.ts `interface IpcMainInvokeEvent`). Arguments go through structuredClone, as
 * Electron serialises them with the structured clone algorithm.
 */
import type { StandInFrame, StandInWebContents } from './web-contents';

type Handler = (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown;

const handlers = new Map<string, Handler>();

export const ipcMain = {
  handle(channel: string, listener: Handler): void {
    // Electron throws on a second handler for the same channel.
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    handlers.set(channel, listener);
  },
  removeHandler(channel: string): void {
    handlers.delete(channel);
  },
  on(): void {},
  /** Stand-in only: the channels with a handler. */
  channels: (): string[] => [...handlers.keys()],
  reset: (): void => handlers.clear(),
};

export interface Sender {
  contents: StandInWebContents;
  frame: StandInFrame | null;
}

export async function invokeAs(sender: Sender, channel: string, ...args: unknown[]): Promise<unknown> {
  const handler = handlers.get(channel);
  if (!handler) throw new Error(`Error invoking remote method '${channel}': No handler registered`);
  const event = {
    sender: sender.contents,
    senderFrame: sender.frame,
    frameId: sender.frame?.routingId ?? -1,
    processId: sender.contents.id,
    type: 'frame',
    preventDefault: () => undefined,
    defaultPrevented: false,
  } as unknown as Electron.IpcMainInvokeEvent;
  const result = await handler(event, ...structuredClone(args));
  return structuredClone(result);
}

/** The renderer the preload runs in; a test sets it before loading the preload. */
export const rendererSide: { sender: Sender | null; exposed: Record<string, unknown> } = {
  sender: null,
  exposed: {},
};

type RendererListener = (event: Electron.IpcRendererEvent, ...args: unknown[]) => void;
const rendererListeners = new Map<string, Set<RendererListener>>();

/**
 * What `webContents.send(channel, ...args)` does: the page's `ipcRenderer.on(channel)` listeners get an
 * IpcRendererEvent and the arguments, structured-cloned. Only the contents the preload runs in receives.
 */
export function deliverToRenderer(contents: StandInWebContents, channel: string, args: unknown[]): void {
  if (rendererSide.sender?.contents !== contents) return;
  const event = { sender: ipcRenderer, senderId: 0, ports: [] } as unknown as Electron.IpcRendererEvent;
  for (const listener of [...(rendererListeners.get(channel) ?? [])])
    listener(event, ...structuredClone(args));
}

export const ipcRenderer = {
  on(channel: string, listener: RendererListener) {
    if (!rendererListeners.has(channel)) rendererListeners.set(channel, new Set());
    rendererListeners.get(channel)!.add(listener);
    return ipcRenderer;
  },
  removeListener(channel: string, listener: RendererListener) {
    rendererListeners.get(channel)?.delete(listener);
    return ipcRenderer;
  },
  /** Stand-in only: how many listeners a channel has (to check that unsubscribing removed them). */
  listenerCount: (channel: string): number => rendererListeners.get(channel)?.size ?? 0,
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    if (!rendererSide.sender) throw new Error('stand-in ipcRenderer: no renderer set');
    return invokeAs(rendererSide.sender, channel, ...args);
  },
};

export const contextBridge = {
  /**
   * Electron copies the API into the isolated world: functions become proxies, other values are cloned,
   * and the page cannot reach the preload's objects. Freezing models "the page cannot change it".
   */
  exposeInMainWorld(key: string, api: Record<string, unknown>): void {
    if (key in rendererSide.exposed)
      throw new Error(`Cannot bind an API on top of an existing property: ${key}`);
    rendererSide.exposed[key] = Object.freeze({ ...api });
  },
};

/** webUtils.getPathForFile: the stand-in's File objects carry the path they were made from. */
export const webUtils = {
  getPathForFile(file: File): string {
    return (file as File & { standInPath?: string }).standInPath ?? '';
  },
};
