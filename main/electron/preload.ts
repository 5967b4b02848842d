/**
 * Sandboxed CommonJS preload: exposes one named function per contract channel and nothing else — no raw
 * ipcRenderer, no events, no Node (security checklist #20). The channel names come from the contract at
 * build time (scripts/build-main.mjs), so the preload stays small and cannot drift from the contract.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { bridgeGlobalName } from '../../shared/api/channels';

declare const __API_CHANNELS__: readonly string[];

const bridge = Object.fromEntries(
  __API_CHANNELS__.map((channel) => [
    channel,
    (request: unknown) => ipcRenderer.invoke(`api:${channel}`, request),
  ]),
);

contextBridge.exposeInMainWorld(bridgeGlobalName, bridge);
