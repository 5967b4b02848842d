/** Name of the object the preload puts on `window`. */
export const bridgeGlobalName = 'jostleAssistant';
/** Electron IPC channel that carries an event channel's events from main to the window: `event:dryRunJob`. */
export const eventIpcChannel = (channel: string): string => `event:${channel}`;

/** The preload's subscribe function for an event channel: `onDryRunJob`, `onImportJob`… */
export const subscribeFunctionName = (channel: string): string =>
  `on${channel.charAt(0).toUpperCase()}${channel.slice(1)}`;

/** Browser mode: the Server-Sent Events stream of every event channel, authenticated like /api calls. */
export const EVENT_STREAM_PATH = '/api/events';
