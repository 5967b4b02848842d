/// <reference types="vite/client" />

/** The contract's channel names, put in by vite.config.ts at build time (as the preload's, by build-main). */
declare const __API_CHANNELS__: readonly import('../shared/api/contract').ApiChannel[];
