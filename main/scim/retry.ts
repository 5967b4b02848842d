import type { RetryOptions } from './types';

/** 501 and 505 are permanent answers; these are the 5xx statuses worth a second try. */
const RETRYABLE_5XX = new Set([500, 502, 503, 504]);

/** Retry-After in milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait before another attempt, or undefined for "do not retry". Only idempotent requests are
 * retried, so a create is never sent twice. A Retry-After longer than the cap is respected by not retrying:
 * asking again sooner than the server allowed would only earn another 429.
 */
export function retryDelayMs(
  status: number,
  retryAfter: string | undefined,
  attempt: number,
  idempotent: boolean,
  options: RetryOptions,
  random: () => number = Math.random,
): number | undefined {
  if (!idempotent || attempt >= options.maxAttempts) return undefined;
  if (status === 429) {
    const asked = parseRetryAfter(retryAfter);
    if (asked !== undefined) return asked <= options.maxDelayMs ? asked : undefined;
  } else if (!RETRYABLE_5XX.has(status)) {
    return undefined;
  }
  const backoff = options.baseDelayMs * 2 ** (attempt - 1);
  return Math.min(options.maxDelayMs, backoff / 2 + random() * (backoff / 2));
}

/** setTimeout as a promise that rejects with the signal's reason on abort. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
