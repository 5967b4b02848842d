export { defaultTargetAttributes, READ_ONLY_PROBES, runProbes } from './run-probes';
export { REMEDIES } from './remedies';
export { WRITE_PROBES } from './write-probes';
export type * from './types';
