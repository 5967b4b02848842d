export {
  createScimClient,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_RETRY,
  DEFAULT_TIMEOUTS,
  type ScimClient,
} from './client';
export { ScimConfigError, ScimNetworkError } from './errors';
export { parsePacResult, type ParsedPac, type ProxyChoice } from './proxy';
export { redactSecret } from './redact';
export type { CaSource } from './trust';
export type * from './types';
export { parseBaseUrl } from './url';
export { USER_AGENT } from './user-agent';
