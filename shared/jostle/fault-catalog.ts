/**
 * What each mock fault stands for and what Entra's provisioning logs would show for it (Microsoft's
 * provisioning-log error codes and quarantine reasons). Used by the Mock Jostle panel and the dry run.
 */
import type { faultKinds } from '../api/contracts/mock';

export interface FaultDescription {
  label: string;
  /** What it imitates on Jostle's side. */
  imitates: string;
  /** What the Entra provisioning log would show. */
  entraShows: string;
}

export const faultCatalog: Record<(typeof faultKinds)[number], FaultDescription> = {
  unauthorized: {
    label: '401 Unauthorized',
    imitates: 'The API key was revoked, or its Automation user was never activated.',
    entraShows: 'Test Connection fails; during cycles the job goes into quarantine (invalid credentials).',
  },
  forbidden: {
    label: '403 Forbidden',
    imitates: 'The subscription lacks SSO/user provisioning, or the key has no admin rights.',
    entraShows: 'InsufficientRights / NotPermitted for each user.',
  },
  filterNotFound: {
    label: '404 on the user lookup',
    imitates: 'A Base URL that points to the wrong place.',
    entraShows: 'SCIM compliance problem: 404 instead of 200 on the filter query; quarantine.',
  },
  conflict: {
    label: '409 Conflict',
    imitates: 'A user with the same userName already exists in Jostle but did not match.',
    entraShows: 'EntryConflict for the user; retried in later cycles.',
  },
  tooManyRequests: {
    label: '429 Too Many Requests',
    imitates: 'Jostle rate-limiting the provisioning service.',
    entraShows: 'TooManyRequests; retried automatically.',
  },
  serverError: {
    label: '500 Internal Server Error',
    imitates: 'A failure inside Jostle.',
    entraShows: 'InternalServerError; retried about 40 minutes later, then escrowed.',
  },
  latency: {
    label: 'Slow answers',
    imitates: 'A slow network or an overloaded service.',
    entraShows: 'Nothing at first; Timeout once answers take too long.',
  },
  noResponse: {
    label: 'No answer at all',
    imitates: 'A connection that hangs (firewall, proxy, outage).',
    entraShows: 'Timeout; retried, then escrowed.',
  },
  duplicateMatches: {
    label: 'Two users match',
    imitates: 'A lookup by userName that returns two accounts.',
    entraShows: 'DuplicateTargetEntries; the user is skipped until fixed in Jostle.',
  },
};
