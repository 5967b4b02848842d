/**
 * The one place a dry run's engine options are decided, for both callers: the window's DryRunSession (through
 * the startDryRun handler) and `npm run cli -- dry-run`. Every default — "start small", the PATCH dialect a
 * Tenant URL selects, Entra's job settings, and how requests reach Jostle (saved trusted certificates, system
 * CA, proxy) — is read here, so the app and the CLI cannot drift.
 */
import { defaultPatchDialectFor, DEFAULT_APP_PATH, type AppPath } from '../../shared/app-path/app-path';
import { DEFAULT_LIVE_MAX_USERS } from '../../shared/provisioning/start-small';
import type { Redactor } from '../logging/redactor';
import { clientSettings, liveClientSettings, type NetworkSources } from '../network/client-settings';
import type { PatchDialect } from '../../shared/mapping';
import type {
  ProvisioningEngineOptions,
  ProvisioningTarget,
  TargetObjectActions,
} from '../provisioning/types';

/** What the admin (window) or the user (CLI flags) chose; anything left out takes the default. */
export interface DryRunChoices {
  /** The setup path: on the custom path a flagged Tenant URL fixes the PATCH format (COMPAT). */
  appPath?: AppPath;
  patchDialect?: PatchDialect;
  /** "Start small". Default DEFAULT_LIVE_MAX_USERS against the live tenant, no limit on the mock. */
  maxUsers?: number;
  skipOutOfScopeDeletions?: boolean;
  targetObjectActions?: TargetObjectActions;
  deletionThreshold?: number | null;
  concurrency?: number;
  requestsPerSecond?: number;
  timeouts?: ProvisioningEngineOptions['timeouts'];
  /** A CLI-only override of the trusted CA file (`--ca-file`); the saved one otherwise. */
  caFile?: string;
}

/** Entra's job settings where the request says nothing: a new Entra job's defaults. */
export function entraJobSettings(choices: DryRunChoices) {
  return {
    skipOutOfScopeDeletions: choices.skipOutOfScopeDeletions ?? false,
    targetObjectActions: choices.targetObjectActions ?? { create: true, update: true, delete: true },
    deletionThreshold: choices.deletionThreshold ?? null,
  };
}

export async function dryRunEngineOptions(
  network: NetworkSources & { redactor: Redactor },
  target: ProvisioningTarget,
  choices: DryRunChoices,
): Promise<ProvisioningEngineOptions> {
  const live = target.kind === 'live';
  const appPath = choices.appPath ?? DEFAULT_APP_PATH;
  // A live tenant may sit behind an authenticating proxy: its saved sign-in is read from the keychain.
  const client = live ? await liveClientSettings(network) : clientSettings(network);
  return {
    target,
    // COMPAT: on a non-gallery job a Tenant URL ending in ?aadOptscim062020 selects the flagged format; for
    // the gallery job that is not documented (F23), so there the choice stands. The same rule as the defaults
    // the window and the CLI start from (shared/provisioning/dry-run-defaults.ts).
    patchDialect:
      live && defaultPatchDialectFor(appPath, target.baseUrl) === 'aadOptscim062020'
        ? 'aadOptscim062020'
        : (choices.patchDialect ?? 'default'),
    ...entraJobSettings(choices),
    maxUsersPerRun: choices.maxUsers ?? (live ? DEFAULT_LIVE_MAX_USERS : null),
    ...(choices.concurrency ? { concurrency: choices.concurrency } : {}),
    ...(choices.requestsPerSecond ? { requestsPerSecond: choices.requestsPerSecond } : {}),
    ...(choices.timeouts ? { timeouts: choices.timeouts } : {}),
    clientOptions: { ...client, ...(choices.caFile ? { caFile: choices.caFile } : {}) },
  };
}
