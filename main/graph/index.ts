export { createGraphClient, type GraphClient, type GraphClientOptions } from './client';
export {
  cloudOfGraphUrl,
  DEFAULT_GRAPH_URL,
  GRAPH_CLOUDS,
  graphCloudIds,
  parseGraphUrl,
  type GraphCloud,
} from './clouds';
export { GraphError, type GraphErrorKind } from './errors';
export { GRAPH_PERMISSIONS, permissionNote, READ_SCOPES, REQUIRED_ROLE, WRITE_SCOPES } from './permissions';
export {
  describePullProgress,
  PullCancelledError,
  pullTenant,
  type PullProgress,
  type PullResult,
} from './pull';
export { graphFiles, readPullRecord, readSchemaText, type PullRecord } from './saved-pull';
export { graphClientFor, graphSession, type GraphSession } from './session';
export {
  getProvisioningJob,
  listJostleApps,
  quarantineMessage,
  type JobView,
  type JostleApp,
} from './tenant';
export { environmentTokenSource, type GraphIdentity, type TokenSource } from './token-source';
export {
  APPLY_ACTIONS,
  ApplyRefused,
  applyTitle,
  confirmationFor,
  planApply,
  runApply,
  type ApplyAction,
  type ApplyTarget,
} from './apply';
export { findSavedUser, parseOnDemandAnswer, predictionFor } from './on-demand';
export { readProvisioningLogs } from './provisioning-logs';
export { DEFAULT_CLIENT_ID, signInWithBrowser, signInWithDeviceCode, signOut } from './msal';
export { applyTargetFor, chooseApp, tenantLabel } from './target';
