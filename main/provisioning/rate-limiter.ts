/**
 * Spaces requests evenly to stay under a requests-per-second cap (Entra's documented target is 25 per second
 * per tenant). Without a cap it costs nothing, which is what the loopback mock wants.
 */
import { sleep } from '../scim/retry';

export interface RateLimiter {
  /**
   * null when the next request may go at once (no promise, no microtask: this is on every request's path);
   * otherwise a promise that resolves when it may, and rejects if the signal aborts while waiting.
   */
  take(signal?: AbortSignal): Promise<void> | null;
}

export function createRateLimiter(requestsPerSecond: number | null | undefined): RateLimiter {
  if (!requestsPerSecond || requestsPerSecond <= 0 || !Number.isFinite(requestsPerSecond)) {
    return { take: () => null };
  }
  const interval = 1000 / requestsPerSecond;
  let nextSlot = 0;
  return {
    take(signal) {
      const now = performance.now();
      const slot = Math.max(now, nextSlot);
      nextSlot = slot + interval;
      return slot > now ? sleep(slot - now, signal) : null;
    },
  };
}
