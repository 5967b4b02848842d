/**
 * Spaces requests evenly to stay under a requests-per-second cap (Entra's documented target is 25 per second
 * per tenant). Without a cap it costs nothing, which is what the loopback mock wants.
 */
import { sleep } from '../scim/retry';

export interface RateLimiter {
  /** Resolves when the next request may go; rejects if the signal aborts while waiting. */
  take(signal?: AbortSignal): Promise<void>;
}

export function createRateLimiter(requestsPerSecond: number | null | undefined): RateLimiter {
  if (!requestsPerSecond || requestsPerSecond <= 0 || !Number.isFinite(requestsPerSecond)) {
    return { take: () => Promise.resolve() };
  }
  const interval = 1000 / requestsPerSecond;
  let nextSlot = 0;
  return {
    async take(signal) {
      const now = performance.now();
      const slot = Math.max(now, nextSlot);
      nextSlot = slot + interval;
      if (slot > now) await sleep(slot - now, signal);
    },
  };
}
