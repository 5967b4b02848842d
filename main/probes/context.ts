import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ScimClient } from '../scim/client';
import type { ScimRequest } from '../scim/types';
import { send, toEvidence, type Outcome, type Verdict } from './outcome';
import { REMEDIES } from './remedies';
import type { ProbeEvidence, ProbeId, ProbeProgress, ProbeResult } from './types';

export type DiscoveryEndpoint = 'ServiceProviderConfig' | 'ResourceTypes' | 'Schemas';

/** Entra's Test Connection and matching query: `GET /Users?filter=userName eq "<value>"`. */
export function matchQuery(attribute: string, value: string): ScimRequest {
  return { method: 'GET', path: '/Users', query: { filter: `${attribute} eq "${value}"` } };
}

/**
 * Entra's Test Connection as Entra sends it (SCIM-DEV "Getting started"): a filter on the configured
 * matching attribute for a random GUID, expecting 200 and an empty ListResponse; with no User-Agent
 * header, which is what a first-hand report saw (3P-KORTIX, no Microsoft source). SCIM-DEV also fetches "a
 * random user and group"; Jostle has no groups (no /Groups endpoint and no group mapping), so no group
 * request is sent — an Entra job for Jostle has its group mappings disabled.
 */
export function testConnectionRequest(matchingAttribute: string, value: string = randomUUID()): ScimRequest {
  return { ...matchQuery(matchingAttribute, value), userAgent: false };
}

/**
 * Shared state of one probe run. Requests several probes need (the Test Connection query, the discovery
 * documents) are made once and shared, so probes can run concurrently without duplicating traffic.
 */
export class ProbeContext {
  private readonly memo = new Map<string, Promise<Outcome>>();

  constructor(
    readonly client: ScimClient,
    readonly signal: AbortSignal | undefined,
    readonly targetAttributes: readonly string[],
    readonly matchingAttribute: string,
  ) {}

  send(request: ScimRequest, client: ScimClient = this.client): Promise<Outcome> {
    return send(client, { ...request, signal: this.signal });
  }

  testConnection(): Promise<Outcome> {
    return this.once('test-connection', () => testConnectionRequest(this.matchingAttribute));
  }

  discovery(endpoint: DiscoveryEndpoint): Promise<Outcome> {
    return this.once(endpoint, () => ({ method: 'GET', path: `/${endpoint}` }));
  }

  private once(key: string, makeRequest: () => ScimRequest): Promise<Outcome> {
    let pending = this.memo.get(key);
    if (!pending) {
      pending = this.send(makeRequest());
      this.memo.set(key, pending);
    }
    return pending;
  }
}

/** Collects the evidence of one probe as it makes requests. */
export class EvidenceLog {
  readonly items: ProbeEvidence[] = [];
  add(outcome: Outcome, sent?: unknown): Outcome {
    this.items.push(toEvidence(outcome, sent));
    return outcome;
  }
}

export interface ProbeDefinition<C> {
  id: ProbeId;
  title: string;
  run(context: C, evidence: EvidenceLog): Promise<Verdict>;
}

/** Runs one probe: timing, progress events, and a crash inside a probe becomes a result, never a rejection. */
export async function runProbe<C>(
  definition: ProbeDefinition<C>,
  context: C,
  onProgress?: (event: ProbeProgress) => void,
): Promise<ProbeResult> {
  notify(onProgress, { type: 'started', id: definition.id, title: definition.title });
  const started = performance.now();
  const evidence = new EvidenceLog();
  let verdict: Verdict;
  try {
    verdict = await definition.run(context, evidence);
  } catch (error) {
    verdict = { status: 'fail', finding: 'internal', summary: `Probe error: ${(error as Error).message}` };
  }
  const result = toResult(definition, verdict, evidence.items, Math.round(performance.now() - started));
  notify(onProgress, { type: 'finished', result });
  return result;
}

export function toResult(
  definition: { id: ProbeId; title: string },
  verdict: Verdict,
  evidence: ProbeEvidence[] = [],
  durationMs = 0,
): ProbeResult {
  return {
    id: definition.id,
    title: definition.title,
    status: verdict.status,
    durationMs,
    summary: verdict.summary,
    ...(verdict.finding ? { finding: verdict.finding } : {}),
    ...(verdict.status !== 'pass' && verdict.finding ? { remedy: REMEDIES[verdict.finding] } : {}),
    evidence,
    ...(verdict.details ? { details: verdict.details } : {}),
  };
}

export function notify(onProgress: ((event: ProbeProgress) => void) | undefined, event: ProbeProgress): void {
  try {
    onProgress?.(event);
  } catch {
    // A failing progress listener (a closed window, say) must not break the run.
  }
}
