import { setMaxListeners } from 'node:events';
import { performance } from 'node:perf_hooks';
import { jostleTargetAttributes } from '../../shared/jostle/schema';
import { createScimClient, type ScimClient } from '../scim/client';
import { ScimConfigError } from '../scim/errors';
import { redactSecretIn, redactUrlSecrets } from '../scim/redact';
import { writeConfirmed } from '../../shared/connection/validation';
import {
  contentTypeProbe,
  latencyProbe,
  matchingAttributeProbe,
  paginationProbe,
  testConnectionProbe,
  wrongTokenProbe,
} from './connection-probes';
import { notify, ProbeContext, runProbe, toResult, type ProbeDefinition } from './context';
import {
  resourceTypesProbe,
  schemasProbe,
  serviceProviderConfigProbe,
  targetAttributesProbe,
} from './discovery-probes';
import type { Verdict } from './outcome';
import type { Leftover, ProbeReport, ProbeResult, ProbeStatus, RunProbesOptions } from './types';
import { WRITE_PROBES, runWriteProbes } from './write-probes';

/** The read-only suite, safe on a production tenant. All run concurrently. */
export const READ_ONLY_PROBES: ReadonlyArray<ProbeDefinition<ProbeContext>> = [
  testConnectionProbe,
  wrongTokenProbe,
  serviceProviderConfigProbe,
  resourceTypesProbe,
  schemasProbe,
  targetAttributesProbe,
  matchingAttributeProbe,
  paginationProbe,
  contentTypeProbe,
  latencyProbe,
];

const SETUP = { id: 'setup', title: 'Base URL and connection settings' } as const;

/** The gallery app's default target attributes (the tutorial's table). */
export function defaultTargetAttributes(): string[] {
  return jostleTargetAttributes
    .filter((attribute) => attribute.galleryDefault)
    .map((attribute) => attribute.path);
}

/**
 * Runs the probe suite against a SCIM Base URL. Resolves with a plain-data report, never rejects: bad
 * settings, network failures and cancellation are all findings in the report.
 */
export async function runProbes(options: RunProbesOptions): Promise<ProbeReport> {
  const startedAt = new Date();
  const started = performance.now();
  const { onProgress, signal } = options;
  // Every concurrent request listens for cancellation; one linked signal keeps that off the caller's signal.
  const cancel = new AbortController();
  setMaxListeners(0, cancel.signal);
  const forwardAbort = (): void => cancel.abort();
  if (signal?.aborted) cancel.abort();
  signal?.addEventListener('abort', forwardAbort, { once: true });
  const results: ProbeResult[] = [];
  let leftovers: Leftover[] = [];

  let client: ScimClient;
  try {
    client = createScimClient({ ...options.clientOptions, baseUrl: options.baseUrl, token: options.token });
  } catch (error) {
    const finding = error instanceof ScimConfigError ? error.kind : 'internal';
    const setup = toResult(SETUP, { status: 'fail', finding, summary: (error as Error).message });
    notify(onProgress, { type: 'finished', result: setup });
    const skipped: Verdict = {
      status: 'skipped',
      finding: 'dependency',
      summary: 'Skipped: fix the Base URL and connection settings first.',
    };
    const rest = [...READ_ONLY_PROBES, ...(options.write ? WRITE_PROBES : [])].map((probe) =>
      toResult(probe, skipped),
    );
    signal?.removeEventListener('abort', forwardAbort);
    return finish(options, startedAt, started, [setup, ...rest], [], [], signal);
  }

  try {
    results.push(
      toResult(SETUP, {
        status: 'pass',
        summary: `${client.baseUrl}; trusting ${client.trustSources.join(' + ')} certificates.`,
        details: { baseUrl: client.baseUrl, trust: client.trustSources },
      }),
    );
    notify(onProgress, { type: 'finished', result: results[0] as ProbeResult });
    const context = new ProbeContext(
      client,
      cancel.signal,
      options.targetAttributes ?? defaultTargetAttributes(),
      options.matchingAttribute ?? 'userName',
    );
    results.push(
      ...(await Promise.all(READ_ONLY_PROBES.map((probe) => runProbe(probe, context, onProgress)))),
    );

    if (options.write) {
      const connection = results.find((result) => result.id === 'test-connection');
      let blocked: Verdict | undefined;
      if (!writeConfirmed(options.baseUrl, options.confirmHost)) {
        blocked = {
          status: 'skipped',
          finding: 'notConfirmed',
          summary: 'Skipped: the tenant’s host name was not confirmed.',
        };
      } else if (connection?.status !== 'pass') {
        blocked = {
          status: 'skipped',
          finding: 'dependency',
          summary: 'Skipped: Test Connection did not pass.',
        };
      }
      if (blocked) {
        results.push(...WRITE_PROBES.map((probe) => toResult(probe, blocked)));
      } else {
        const written = await runWriteProbes(context, onProgress);
        results.push(...written.results);
        leftovers = written.leftovers;
      }
    }
  } finally {
    signal?.removeEventListener('abort', forwardAbort);
    await client.close();
  }
  return finish(options, startedAt, started, results, leftovers, [...client.trustSources], signal);
}

function finish(
  options: RunProbesOptions,
  startedAt: Date,
  started: number,
  probes: ProbeResult[],
  leftovers: Leftover[],
  trust: string[],
  signal: AbortSignal | undefined,
): ProbeReport {
  const counts: Record<ProbeStatus, number> = { pass: 0, warn: 0, fail: 0, skipped: 0 };
  for (const probe of probes) counts[probe.status] += 1;
  // Honest: a run where nothing was verified (all skipped, cancelled) or that left a user behind is no pass.
  const verified = probes.some(
    (probe) => probe.id !== SETUP.id && (probe.status === 'pass' || probe.status === 'warn'),
  );
  const report: ProbeReport = {
    baseUrl: redactUrlSecrets(options.baseUrl.trim()),
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    durationMs: Math.round(performance.now() - started),
    write: Boolean(options.write),
    cancelled: Boolean(signal?.aborted),
    probes,
    counts,
    ok: counts.fail === 0 && verified && !signal?.aborted && leftovers.length === 0,
    leftovers,
    trust,
  };
  // One last pass over everything as data: a key a server echoed must not survive in any field.
  return redactSecretIn(report, [options.token]);
}
