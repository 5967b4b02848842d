import type { ScimClient } from '../scim/client';
import { ScimNetworkError } from '../scim/errors';
import type { NetworkErrorInfo, ScimRequest, ScimResponse } from '../scim/types';
import type { FindingCode, ProbeEvidence, ProbeStatus } from './types';

/** A request's result with network failures as data, so probes never deal in exceptions. */
export type Outcome = { ok: true; response: ScimResponse } | { ok: false; error: NetworkErrorInfo };

export async function send(client: ScimClient, request: ScimRequest): Promise<Outcome> {
  try {
    return { ok: true, response: await client.request(request) };
  } catch (error) {
    if (error instanceof ScimNetworkError) return { ok: false, error: error.info };
    throw error;
  }
}

export interface Verdict {
  status: ProbeStatus;
  summary: string;
  finding?: FindingCode;
  details?: Record<string, unknown>;
}

const MAX_EVIDENCE_CHARS = 2000;
const PROBE_USER_PREFIX = 'jpa-probe-';

export function isHtml(response: ScimResponse): boolean {
  if (response.contentType?.toLowerCase().includes('text/html')) return true;
  return /^\s*<(!doctype html|html|head|body)\b/i.test(response.text);
}

/**
 * The generic reading of an answer: no response, an HTML page, or an error status. Returns undefined when the
 * answer is a 2xx non-HTML response and the probe should go on to its own checks.
 */
export function diagnoseFailure(outcome: Outcome, on: { usersEndpoint: boolean }): Verdict | undefined {
  if (!outcome.ok) {
    const { error } = outcome;
    if (error.kind === 'aborted') return { status: 'skipped', finding: 'cancelled', summary: 'Cancelled.' };
    return { status: 'fail', finding: error.kind, summary: error.message };
  }
  const { response } = outcome;
  const status = response.status;
  if (isHtml(response)) {
    return {
      status: 'fail',
      finding: 'html',
      summary: `HTTP ${status} with an HTML page instead of SCIM JSON.`,
    };
  }
  if (status === 401)
    return { status: 'fail', finding: 'unauthorized', summary: 'HTTP 401: the API key was refused.' };
  if (status === 403)
    return {
      status: 'fail',
      finding: 'forbidden',
      summary: 'HTTP 403: access with this API key is forbidden.',
    };
  if (status === 404) {
    return on.usersEndpoint
      ? {
          status: 'fail',
          finding: 'notFound',
          summary: 'HTTP 404 on /Users instead of 200 with an empty list.',
        }
      : {
          status: 'fail',
          finding: 'notScim',
          summary: 'HTTP 404: this SCIM endpoint does not exist under the Base URL.',
        };
  }
  if (status === 429) {
    const after = response.headers['retry-after'];
    return {
      status: 'warn',
      finding: 'rateLimited',
      summary: `HTTP 429 after ${response.attempts} attempt(s)${after ? `; Retry-After: ${after}` : ''}.`,
    };
  }
  if (status >= 500) {
    return {
      status: 'fail',
      finding: 'serverError',
      summary: `HTTP ${status} after ${response.attempts} attempt(s).`,
    };
  }
  if (status < 200 || status >= 300) {
    return { status: 'fail', finding: 'unexpectedStatus', summary: `Unexpected HTTP ${status}.` };
  }
  if (response.bodyProblem) {
    // Not "wrong Base URL": the server answered, but with a body nobody (Entra included) can read.
    const { kind, message } = response.bodyProblem;
    return { status: 'fail', finding: kind, summary: `HTTP ${status}: ${message}` };
  }
  return undefined;
}

/**
 * A ListResponse's own consistency: `Resources` must be an array when present, and `totalResults` may not
 * claim fewer users than were returned, nor (for an unpaged filter answer) claim users it did not return.
 */
export function listShapeProblem(body: unknown, { unpaged }: { unpaged: boolean }): Verdict | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  if ('Resources' in record && !Array.isArray(record.Resources)) {
    return {
      status: 'fail',
      finding: 'listNotArray',
      summary: `The ListResponse's Resources is ${record.Resources === null ? 'null' : `a${typeof record.Resources === 'object' ? 'n object' : ` ${typeof record.Resources}`}`}, not an array.`,
    };
  }
  const total = record.totalResults;
  const returned = Array.isArray(record.Resources) ? record.Resources.length : 0;
  if (typeof total === 'number' && (total < returned || !Number.isInteger(total) || total < 0)) {
    return {
      status: 'fail',
      finding: 'totalResultsWrong',
      summary: `totalResults says ${total}, but the answer holds ${returned} user(s).`,
      details: { totalResults: total, returned },
    };
  }
  if (unpaged && typeof total === 'number' && total > 0 && returned === 0) {
    return {
      status: 'fail',
      finding: 'totalResultsWrong',
      summary: `totalResults says ${total}, but the answer holds no users.`,
      details: { totalResults: total, returned },
    };
  }
  return undefined;
}

/** Turns an outcome into evidence: token already redacted by the client, personal data of real users removed. */
export function toEvidence(outcome: Outcome, sent?: unknown): ProbeEvidence {
  const sentText = sent === undefined ? undefined : clip(JSON.stringify(sent));
  if (!outcome.ok) {
    const { error } = outcome;
    return {
      requestLine: error.requestLine,
      durationMs: error.durationMs,
      route: error.route,
      ...(error.status ? { status: error.status } : {}),
      error: { kind: error.kind, message: error.message, ...(error.code ? { code: error.code } : {}) },
      ...(sentText ? { sent: sentText } : {}),
    };
  }
  const { response } = outcome;
  return {
    requestLine: response.requestLine,
    status: response.status,
    ...(response.contentType ? { contentType: response.contentType } : {}),
    durationMs: response.durationMs,
    route: response.route,
    body: evidenceBody(response),
    ...(sentText ? { sent: sentText } : {}),
  };
}

function evidenceBody(response: ScimResponse): string {
  if (response.body === undefined || !/\/Users\b/.test(response.requestLine)) {
    return response.textTruncated ? response.text : clip(response.text);
  }
  return clip(JSON.stringify(withoutPersonalData(response.body)));
}

/**
 * Users in a tenant's list are real people: evidence keeps only their ids. Our own throwaway user is kept
 * whole, since its attributes are exactly what the write probes need to show.
 */
export function withoutPersonalData(body: unknown): unknown {
  if (!body || typeof body !== 'object') return body;
  const record = body as Record<string, unknown>;
  const maskUser = (user: unknown): unknown => {
    if (!user || typeof user !== 'object') return user;
    const candidate = user as Record<string, unknown>;
    if (typeof candidate.userName === 'string' && candidate.userName.startsWith(PROBE_USER_PREFIX))
      return user;
    return { id: candidate.id, '(other attributes)': 'omitted from evidence' };
  };
  if (Array.isArray(record.Resources)) return { ...record, Resources: record.Resources.map(maskUser) };
  if ('userName' in record) return maskUser(record);
  return body;
}

function clip(text: string): string {
  return text.length > MAX_EVIDENCE_CHARS ? `${text.slice(0, MAX_EVIDENCE_CHARS)}…` : text;
}

export { PROBE_USER_PREFIX };
