export { defaultTargetAttributes, READ_ONLY_PROBES, runProbes, writeConfirmed } from './run-probes';
export { REMEDIES } from './remedies';
export { WRITE_PROBES } from './write-probes';
export type * from './types';
