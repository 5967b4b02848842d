/**
 * Sandboxed CommonJS preload: exposes one named function per contract channel and nothing else — no raw
 * ipcRenderer, no events, no Node (security checklist #20).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { apiChannels, bridgeGlobalName } from '../../shared/api/channels';

const bridge = Object.fromEntries(
  apiChannels.map((channel) => [
    channel,
    (request: unknown) => ipcRenderer.invoke(`api:${channel}`, request),
  ]),
);

contextBridge.exposeInMainWorld(bridgeGlobalName, bridge);
