/**
 * The one way probes run, for the window (the runProbes handler) and `npm run cli -- probe`: the saved
 * mapping's matching attribute for Test Connection, and the network settings from clientSettings (what the
 * entry point injected, then the saved trusted certificates and system-CA choice).
 */
import { matchingAttributeOf } from '../../shared/mapping';
import type { Redactor } from '../logging/redactor';
import { liveClientSettings, type ClientSettings, type NetworkSources } from '../network/client-settings';
import { runProbes, type ProbeProgress, type ProbeReport } from '../probes';
import type { ConfigurationStore } from './configuration';

export interface ProbeJobSources extends NetworkSources {
  configuration: Pick<ConfigurationStore, 'mapping'>;
  /** For the proxy sign-in saved in the keychain (liveClientSettings). */
  redactor: Redactor;
}

export interface ProbeJobRequest {
  baseUrl: string;
  token: string;
  write: boolean;
  confirmHost?: string;
  signal?: AbortSignal;
  onProgress?: (event: ProbeProgress) => void;
  /** Per-run overrides of the client (CLI `--timeout`); trust and proxy come from `sources`. */
  client?: Pick<ClientSettings, 'timeouts'>;
}

export async function runProbeJob(sources: ProbeJobSources, request: ProbeJobRequest): Promise<ProbeReport> {
  // Test Connection filters on the saved mapping's matching attribute, as Entra's does (SCIM-DEV).
  const matchingAttribute = matchingAttributeOf((await sources.configuration.mapping()).config);
  return runProbes({
    baseUrl: request.baseUrl,
    token: request.token,
    write: request.write,
    confirmHost: request.confirmHost,
    matchingAttribute,
    ...(request.signal ? { signal: request.signal } : {}),
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
    clientOptions: { ...(await liveClientSettings(sources)), ...request.client },
  });
}
