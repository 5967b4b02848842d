/**
 * Sandboxed CommonJS preload: exposes one named function per contract channel and nothing else — no raw
 * ipcRenderer, no events, no Node (security checklist #20). The channel names come from the contract at
 * build time (scripts/build-main.mjs), so the preload stays small and cannot drift from the contract.
 * Besides the channels, `pathForFile` tells the page where a file the admin picked is on disk
 * (webUtils.getPathForFile), so imports are read from disk in main rather than sent over IPC as text.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { bridgeGlobalName } from '../../shared/api/channels';

declare const __API_CHANNELS__: readonly string[];

const bridge: Record<string, (argument: never) => unknown> = Object.fromEntries(
  __API_CHANNELS__.map((channel) => [
    channel,
    (request: unknown) => ipcRenderer.invoke(`api:${channel}`, request),
  ]),
);
// Only a real File has a path; anything else gets ''.
bridge.pathForFile = (file: File) => (file instanceof File ? webUtils.getPathForFile(file) : '');

contextBridge.exposeInMainWorld(bridgeGlobalName, bridge);
