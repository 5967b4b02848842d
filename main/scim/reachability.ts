/**
 * One quick question before a dry run sends anything: does the SCIM endpoint answer at all, within a few
 * seconds? A dead, hanging or trickling server is then reported in seconds instead of after minutes of
 * per-user timeouts and retries. It asks what Entra's Test Connection asks (a filter for a userName nobody
 * has), once, with short deadlines and no retry.
 */
import { randomUUID } from 'node:crypto';
import { createScimClient } from './client';
import { ScimNetworkError } from './errors';
import type { ScimClientOptions } from './types';

export const REACHABILITY_TIMEOUT_MS = 5000;

export type Reachability =
  | { ok: true; status: number; durationMs: number }
  | { ok: false; kind: string; message: string; durationMs: number; code?: string };

export async function checkReachable(
  options: Omit<ScimClientOptions, 'timeouts' | 'retry'>,
  timeoutMs = REACHABILITY_TIMEOUT_MS,
  signal?: AbortSignal,
): Promise<Reachability> {
  const started = Date.now();
  let client;
  try {
    client = createScimClient({
      ...options,
      timeouts: { connectMs: timeoutMs, headersMs: timeoutMs, bodyMs: timeoutMs },
      retry: { maxAttempts: 1 },
    });
  } catch (error) {
    return { ok: false, kind: 'config', message: (error as Error).message, durationMs: Date.now() - started };
  }
  try {
    const response = await client.request({
      method: 'GET',
      path: '/Users',
      query: { filter: `userName eq "${randomUUID()}"` },
      ...(signal ? { signal } : {}),
    });
    // Any HTTP answer (a 429 or 401 too) means the server is there; the cycle reports per user what it says.
    return { ok: true, status: response.status, durationMs: response.durationMs };
  } catch (error) {
    if (error instanceof ScimNetworkError)
      return {
        ok: false,
        kind: error.kind,
        message: error.message,
        durationMs: error.info.durationMs,
        ...(error.info.code ? { code: error.info.code } : {}),
      };
    throw error;
  } finally {
    await client.close();
  }
}

/** The sentence a dry run fails with when the check says no. */
export function unreachableMessage(baseUrl: string, result: Extract<Reachability, { ok: false }>): string {
  return `${new URL(baseUrl).host} did not answer a first test request within ${Math.round(REACHABILITY_TIMEOUT_MS / 1000)} s, so nothing was sent: ${result.message}`;
}
