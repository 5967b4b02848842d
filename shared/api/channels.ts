/**
 * Channel names only, without schemas, so the sandboxed preload can expose one named function per channel
 * without bundling the validation library. `contract.ts` checks at compile time that both lists agree.
 */
export const apiChannels = [
  'getAppInfo',
  'getSettings',
  'setCurrentStep',
  'setChecklistItem',
  'dismissNotice',
  'getConnectionStatus',
  'saveConnection',
  'forgetApiKey',
] as const;

export type ApiChannel = (typeof apiChannels)[number];

/** Name of the object the preload puts on `window`. */
export const bridgeGlobalName = 'jostleAssistant';
