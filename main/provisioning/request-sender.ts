/**
 * Sends one logical SCIM request through the shared client with Entra's retry behaviour, and records what
 * happened for the provisioning log. The client itself is built with retries off so every attempt is
 * counted here:
 * - 429: retried, waiting Retry-After when the server gives one (up to the cap; a longer wait escrows);
 * - 500/502/503/504 and timeouts/resets: retried with backoff, but only for requests that are safe to repeat
 *   (GET, PATCH with replace semantics, DELETE). A POST that timed out or hit a 5xx may have created the user,
 *   so it is not repeated in the cycle: the next cycle's lookup finds it (reference §4 and §8.1).
 */
import { ScimNetworkError } from '../scim/errors';
import { retryDelayMs, sleep } from '../scim/retry';
import type { ScimClient } from '../scim/client';
import type { HttpMethod, NetworkErrorInfo, RetryOptions, ScimResponse } from '../scim/types';
import { isTransientNetworkError, isTransientStatus } from './entra-codes';
import type { RateLimiter } from './rate-limiter';

export interface SendRequest {
  method: HttpMethod;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Whether a 5xx or a timeout may be retried within the cycle. 429 is always retried. */
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
  send(request: SendRequest, signal: AbortSignal): Promise<SendOutcome>;
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
    async send(request, signal) {
      const started = performance.now();
      let response: ScimResponse | undefined;
      let networkError: NetworkErrorInfo | undefined;
      let attempts = 0;
      let sentPath = request.path;
      for (let attempt = 1; attempt <= retry.maxAttempts; attempt += 1) {
        if (signal.aborted) break;
        try {
          await limiter.take(signal);
        } catch {
          break;
        }
        attempts = attempt;
        requestCount += 1;
        response = undefined;
        networkError = undefined;
        try {
          response = await client.request({ ...request, signal, idempotent: false });
          sentPath = relative(response.requestLine);
        } catch (error) {
          if (!(error instanceof ScimNetworkError)) throw error;
          networkError = error.info;
          sentPath = relative(error.info.requestLine);
        }
        const wait = nextWait(response, networkError, attempt, request.repeatable, retry);
        if (wait === undefined) break;
        try {
          await sleep(wait, signal);
        } catch {
          break; // Cancelled while waiting: the last answer stands.
        }
      }
      return {
        request,
        response,
        networkError,
        attempts,
        durationMs: Math.round(performance.now() - started),
        sentPath,
      };
    },
  };
}

function nextWait(
  response: ScimResponse | undefined,
  networkError: NetworkErrorInfo | undefined,
  attempt: number,
  repeatable: boolean,
  retry: RetryOptions,
): number | undefined {
  if (response) {
    if (!isTransientStatus(response.status)) return undefined;
    // A 429 means the request was not processed, so even a POST may be sent again.
    const safe = repeatable || response.status === 429;
    return retryDelayMs(response.status, response.headers['retry-after'], attempt, safe, retry);
  }
  if (!networkError || !repeatable || !isTransientNetworkError(networkError.kind)) return undefined;
  if (attempt >= retry.maxAttempts) return undefined;
  const backoff = retry.baseDelayMs * 2 ** (attempt - 1);
  return Math.min(retry.maxDelayMs, backoff / 2 + Math.random() * (backoff / 2));
}
