import { faultKinds, mockEndpoints } from '../../shared/api/contracts/mock';
import type { FaultKind, FaultSpec, MockEndpoint } from './types';

export const FAULT_KINDS: readonly FaultKind[] = faultKinds;
export const MOCK_ENDPOINTS: readonly MockEndpoint[] = mockEndpoints;

export const DEFAULT_LATENCY_MS = 2000;
export const DEFAULT_RETRY_AFTER_SECONDS = 30;
const MAX_LATENCY_MS = 10 * 60 * 1000;

/** HTTP-status shorthands accepted by `--faults`, so `429@create` reads naturally. */
const STATUS_ALIASES: Record<string, FaultKind> = {
  '401': 'unauthorized',
  '403': 'forbidden',
  '404': 'filterNotFound',
  '409': 'conflict',
  '429': 'tooManyRequests',
  '500': 'serverError',
};

/** These two only make sense on the filter query (Entra's matching step). */
const FILTER_ONLY: ReadonlySet<FaultKind> = new Set(['filterNotFound', 'duplicateMatches']);

function defaultEndpoint(kind: FaultKind): MockEndpoint {
  return FILTER_ONLY.has(kind) ? 'filter' : 'all';
}

function findCaseInsensitive<T extends string>(list: readonly T[], text: string): T | undefined {
  const wanted = text.toLowerCase();
  return list.find((item) => item.toLowerCase() === wanted);
}

/** Checks a fault list (from the API or the CLI) and returns normalised copies; throws a clear Error. */
export function validateFaults(faults: readonly FaultSpec[]): FaultSpec[] {
  return faults.map((fault) => {
    if (!FAULT_KINDS.includes(fault.kind)) {
      throw new Error(`Unknown fault kind "${String(fault.kind)}". Known kinds: ${FAULT_KINDS.join(', ')}.`);
    }
    if (!MOCK_ENDPOINTS.includes(fault.endpoint)) {
      throw new Error(
        `Unknown endpoint "${String(fault.endpoint)}" for fault ${fault.kind}. Known endpoints: ${MOCK_ENDPOINTS.join(', ')}.`,
      );
    }
    if (FILTER_ONLY.has(fault.kind) && fault.endpoint !== 'filter' && fault.endpoint !== 'all') {
      throw new Error(`Fault ${fault.kind} applies to the filter query only; use endpoint "filter".`);
    }
    const copy: FaultSpec = { kind: fault.kind, endpoint: fault.endpoint };
    if (fault.kind === 'latency') {
      const ms = fault.latencyMs ?? DEFAULT_LATENCY_MS;
      if (!Number.isInteger(ms) || ms < 0 || ms > MAX_LATENCY_MS) {
        throw new Error(`latency needs a whole number of milliseconds between 0 and ${MAX_LATENCY_MS}.`);
      }
      copy.latencyMs = ms;
    }
    if (fault.kind === 'tooManyRequests') {
      const seconds = fault.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
      if (!Number.isInteger(seconds) || seconds < 0) {
        throw new Error('tooManyRequests needs a whole, non-negative number of Retry-After seconds.');
      }
      copy.retryAfterSeconds = seconds;
    }
    return copy;
  });
}

/**
 * Parses the `--faults` syntax: a comma-separated list of `KIND[@ENDPOINT][:NUMBER]`.
 * KIND is a fault kind (any case) or an HTTP shorthand (401, 403, 404, 409, 429, 500); ENDPOINT defaults to
 * `all` (`filter` for filterNotFound and duplicateMatches); NUMBER is the latency in ms for `latency` and the
 * Retry-After seconds for `tooManyRequests`. Example: `429@create:120,latency@filter:1500,noResponse@patch`.
 * An empty string means no faults.
 */
export function parseFaultSpec(text: string): FaultSpec[] {
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return validateFaults(items.map(parseOne));
}

function parseOne(item: string): FaultSpec {
  const match = /^([A-Za-z0-9]+)(?:@([A-Za-z]+))?(?::(\d+))?$/.exec(item);
  if (!match) {
    throw new Error(`Cannot read fault "${item}": expected KIND[@ENDPOINT][:NUMBER], e.g. 429@create:120.`);
  }
  const [, kindText = '', endpointText, numberText] = match;
  const kind = STATUS_ALIASES[kindText] ?? findCaseInsensitive(FAULT_KINDS, kindText);
  if (!kind) {
    throw new Error(
      `Unknown fault kind "${kindText}" in "${item}". Known kinds: ${FAULT_KINDS.join(', ')} (or 401, 403, 404, 409, 429, 500).`,
    );
  }
  let endpoint = defaultEndpoint(kind);
  if (endpointText !== undefined) {
    const found = findCaseInsensitive(MOCK_ENDPOINTS, endpointText);
    if (!found) {
      throw new Error(
        `Unknown endpoint "${endpointText}" in "${item}". Known endpoints: ${MOCK_ENDPOINTS.join(', ')}.`,
      );
    }
    endpoint = found;
  }
  const spec: FaultSpec = { kind, endpoint };
  if (numberText !== undefined) {
    const value = Number(numberText);
    if (kind === 'latency') spec.latencyMs = value;
    else if (kind === 'tooManyRequests') spec.retryAfterSeconds = value;
    else throw new Error(`Fault ${kind} takes no number (in "${item}").`);
  }
  return spec;
}

/** Which faults hit a request on `endpoint`: the summed latency and the first status-changing fault. */
export function faultsFor(
  faults: readonly FaultSpec[],
  endpoint: MockEndpoint | null,
): { latencyMs: number; fault: FaultSpec | undefined; latencyFault: FaultSpec | undefined } {
  let latencyMs = 0;
  let fault: FaultSpec | undefined;
  let latencyFault: FaultSpec | undefined;
  for (const candidate of faults) {
    if (candidate.endpoint !== 'all' && candidate.endpoint !== endpoint) continue;
    // Filter-only faults set to `all` still hit only the filter query.
    if (FILTER_ONLY.has(candidate.kind) && endpoint !== 'filter') continue;
    if (candidate.kind === 'latency') {
      latencyMs += candidate.latencyMs ?? DEFAULT_LATENCY_MS;
      latencyFault ??= candidate;
    } else {
      fault ??= candidate;
    }
  }
  return { latencyMs, fault, latencyFault };
}
