/**
 * Sends one logical SCIM request through the shared client with Entra's retry behaviour, and records what
 * happened for the provisioning log. The client itself is built with retries off so every attempt is
 * counted here:
 * - 429: retried, waiting Retry-After when the server gives one (up to the cap; a longer wait escrows);
 * - 5xx, timeouts and resets: never retried within the cycle. Entra logs the failure and escrows the user to a
 *   later cycle (LOGS: "automatically retried in 40 minutes"; 3P-1PW: "retried 0 times").
 */
import { ScimNetworkError } from '../scim/errors';
import { retryDelayMs, sleep } from '../scim/retry';
import type { ScimClient } from '../scim/client';
import type { HttpMethod, NetworkErrorInfo, RetryOptions, ScimResponse } from '../scim/types';
import { isRetriedInCycle } from './entra-codes';
import type { RateLimiter } from './rate-limiter';

export interface SendRequest {
  method: HttpMethod;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** `body` JSON-encoded, when the caller has it (the create's fingerprint is taken from the same text). */
  bodyText?: string;
  /** Whether repeating the request is harmless. Only a 429 is repeated, and that is safe for any request. */
  repeatable: boolean;
}

export interface SendOutcome {
  request: SendRequest;
  response: ScimResponse | undefined;
  networkError: NetworkErrorInfo | undefined;
  attempts: number;
  durationMs: number;
  /** The path as sent, relative to the Base URL, query included. */
  sentPath: string;
}

export interface RequestSender {
  /** Sends `request` (retrying a 429); the outcome is also appended to `exchanges` when given. */
  send(request: SendRequest, signal: AbortSignal, exchanges?: SendOutcome[]): Promise<SendOutcome>;
  /** Attempts that went out (retries included). */
  readonly requestCount: number;
}

export function createRequestSender(
  client: ScimClient,
  limiter: RateLimiter,
  retry: RetryOptions,
): RequestSender {
  const base = new URL(client.baseUrl);
  let requestCount = 0;
  const relative = (requestLine: string): string => {
    const url = requestLine.slice(requestLine.indexOf(' ') + 1);
    return url.startsWith(base.href) ? url.slice(base.href.length) || '/' : url;
  };
  return {
    get requestCount() {
      return requestCount;
    },
    async send(request, signal, exchanges) {
      const started = performance.now();
      let response: ScimResponse | undefined;
      let networkError: NetworkErrorInfo | undefined;
      let attempts = 0;
      let sentPath = request.path;
      for (let attempt = 1; attempt <= retry.maxAttempts; attempt += 1) {
        if (signal.aborted) break;
        const wait = limiter.take(signal);
        if (wait) {
          try {
            await wait;
          } catch {
            break;
          }
        }
        attempts = attempt;
        requestCount += 1;
        response = undefined;
        networkError = undefined;
        try {
          // No User-Agent, as Entra sends none (3P-KORTIX; assumed for provisioning calls, docs F25).
          // Written out, not `{ ...request, signal, … }`: V8 builds a spread followed by more properties on
          // a slow path (~0.6 µs per extra property, measured), and this runs for every request of a cycle.
          response = await client.request({
            method: request.method,
            path: request.path,
            query: request.query,
            body: request.body,
            bodyText: request.bodyText,
            signal,
            idempotent: false,
            userAgent: false,
          });
          sentPath = relative(response.requestLine);
        } catch (error) {
          if (!(error instanceof ScimNetworkError)) throw error;
          networkError = error.info;
          sentPath = relative(error.info.requestLine);
        }
        const retryIn = nextWait(response, attempt, retry);
        if (retryIn === undefined) break;
        try {
          await sleep(retryIn, signal);
        } catch {
          break; // Cancelled while waiting: the last answer stands.
        }
      }
      const outcome: SendOutcome = {
        request,
        response,
        networkError,
        attempts,
        durationMs: Math.round(performance.now() - started),
        sentPath,
      };
      exchanges?.push(outcome);
      return outcome;
    },
  };
}

function nextWait(
  response: ScimResponse | undefined,
  attempt: number,
  retry: RetryOptions,
): number | undefined {
  if (!response || !isRetriedInCycle(response.status)) return undefined;
  // A 429 means the request was not processed, so even a POST may be sent again.
  return retryDelayMs(response.status, response.headers['retry-after'], attempt, true, retry);
}
