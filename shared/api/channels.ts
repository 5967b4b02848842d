/** Name of the object the preload puts on `window`. */
export const bridgeGlobalName = 'jostleAssistant';
