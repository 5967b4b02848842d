import type { ClientSettings } from '../network/client-settings';
import type { NetworkErrorKind } from '../scim/types';

export type ProbeStatus = 'pass' | 'warn' | 'fail' | 'skipped';

/**
 * What went wrong, named so the UI can key icons and help links off it. Each non-pass probe carries one, and
 * `remedies.ts` turns it into the admin-facing fix in the tutorial's terms.
 */
export type FindingCode =
  | NetworkErrorKind
  | 'caFile'
  | 'invalidJson'
  | 'tooDeep'
  | 'encoded'
  | 'listNotArray'
  | 'totalResultsWrong'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'html'
  | 'rateLimited'
  | 'serverError'
  | 'unexpectedStatus'
  | 'notScim'
  | 'filterIgnored'
  | 'authNotEnforced'
  | 'discoveryInconsistent'
  | 'missingAttributes'
  | 'matchingNotFilterable'
  | 'paginationNonCompliant'
  | 'contentType'
  | 'slow'
  | 'conflict'
  | 'writeRejected'
  | 'writeNotApplied'
  | 'deleteRefused'
  | 'notConfirmed'
  | 'dependency'
  | 'cancelled'
  | 'internal';

/** One request a probe made, as shown to the admin and kept in exports. Never contains the token. */
export interface ProbeEvidence {
  requestLine: string;
  status?: number;
  contentType?: string;
  durationMs: number;
  /** Response body with the token and personal data redacted, truncated. */
  body?: string;
  /** When the request got no HTTP response. */
  error?: { kind: NetworkErrorKind; message: string; code?: string };
  /** The request body, for writes. */
  sent?: string;
  /** Route taken, e.g. `direct` or the proxy. */
  route?: string;
}

export interface ProbeResult {
  id: ProbeId;
  title: string;
  status: ProbeStatus;
  durationMs: number;
  /** One sentence: what was found. */
  summary: string;
  finding?: FindingCode;
  /** What to do about it, when not passing. */
  remedy?: string;
  evidence: ProbeEvidence[];
  /** Probe-specific facts, e.g. the measured latencies or the missing attribute paths. */
  details?: Record<string, unknown>;
}

export type ReadOnlyProbeId =
  | 'setup'
  | 'test-connection'
  | 'wrong-token'
  | 'service-provider-config'
  | 'resource-types'
  | 'schemas'
  | 'target-attributes'
  | 'matching-attribute'
  | 'pagination'
  | 'content-type'
  | 'latency';

export type WriteProbeId =
  | 'write-create'
  | 'write-read'
  | 'write-find'
  | 'write-patch-paths'
  | 'write-patch-pathless'
  | 'write-disable-string'
  | 'write-enable-string'
  | 'write-disable-boolean'
  | 'write-enable-boolean'
  | 'write-delete';

export type ProbeId = ReadOnlyProbeId | WriteProbeId;

/** A throwaway user the write probes could not remove. */
export interface Leftover {
  id?: string;
  userName: string;
  state: 'active' | 'disabled' | 'unknown';
  note: string;
}

export interface ProbeReport {
  baseUrl: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  write: boolean;
  cancelled: boolean;
  probes: ProbeResult[];
  counts: Record<ProbeStatus, number>;
  /** True when no probe failed (warnings allowed). */
  ok: boolean;
  leftovers: Leftover[];
  /** Certificate stores trusted, for the diagnostics view. */
  trust: string[];
}

export type ProbeProgress =
  { type: 'started'; id: ProbeId; title: string } | { type: 'finished'; result: ProbeResult };

export interface RunProbesOptions {
  baseUrl: string;
  token: string;
  /** Run the write probes too. On a non-loopback host only with `confirmHost`. */
  write?: boolean;
  /** The Base URL's host name, typed by the admin, confirming writes against a live tenant. */
  confirmHost?: string;
  /** Target attribute paths of the current mapping; default: the Jostle gallery app's defaults. */
  targetAttributes?: readonly string[];
  /** The mapping's matching target attribute; default `userName`. */
  matchingAttribute?: string;
  signal?: AbortSignal;
  clientOptions?: ClientSettings;
  onProgress?: (event: ProbeProgress) => void;
}
