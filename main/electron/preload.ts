/**
 * Sandboxed CommonJS preload: exposes one named function per contract channel, one subscribe function per
 * event channel (`onDryRunJob(listener)`, returning the function that unsubscribes), and nothing else — no
 * raw ipcRenderer, no Node (security checklist #20). A listener gets the event only, never Electron's
 * IpcRendererEvent. The channel names come from the contract at build time (scripts/build-main.mjs), so the
 * preload stays small and cannot drift from the contract. Besides the channels, `pathForFile` tells the page
 * where a file the admin picked is on disk (webUtils.getPathForFile), so imports are read from disk in main
 * rather than sent over IPC as text.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { bridgeGlobalName, eventIpcChannel, subscribeFunctionName } from '../../shared/api/channels';

declare const __API_CHANNELS__: readonly string[];
declare const __API_EVENT_CHANNELS__: readonly string[];

const bridge: Record<string, (argument: never) => unknown> = Object.fromEntries(
  __API_CHANNELS__.map((channel) => [
    channel,
    (request: unknown) => ipcRenderer.invoke(`api:${channel}`, request),
  ]),
);
for (const channel of __API_EVENT_CHANNELS__) {
  bridge[subscribeFunctionName(channel)] = (listener: (event: unknown) => void) => {
    if (typeof listener !== 'function') return () => undefined;
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(eventIpcChannel(channel), forward);
    return () => void ipcRenderer.removeListener(eventIpcChannel(channel), forward);
  };
}
// Only a real File has a path; anything else gets ''.
bridge.pathForFile = (file: File) => (file instanceof File ? webUtils.getPathForFile(file) : '');

contextBridge.exposeInMainWorld(bridgeGlobalName, bridge);
