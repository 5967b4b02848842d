/**
 * Resource limits of the browser-mode server. Any local process can open connections to it without the
 * token, so nothing it does before proving the token may cost more than a socket for a few seconds, and
 * the number of sockets stays far below the process's file-descriptor limit, which the keychain (D-Bus),
 * the SCIM client and the data files also need.
 */
import { readFileSync } from 'node:fs';
import { MAX_UPLOAD_BYTES } from '../../shared/api/uploads';

export interface WebLimits {
  /** Sockets held at once; beyond it the oldest idle socket is closed (or the new one refused). */
  maxConnections: number;
  /** API calls being handled at once; more wait in a short queue. */
  maxInFlight: number;
  /** Calls waiting for a slot; beyond it the answer is 503. */
  maxQueued: number;
  /** Body limit of ordinary API calls. */
  maxBodyBytes: number;
  /** Body limit of the channels that carry imported files as JSON text; one such call at a time. */
  maxUploadBytes: number;
  /** Limit of a streamed upload's files together (upload-route.ts); they go to disk, not memory. */
  maxStreamedUploadBytes: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  /** How long a connection may sit without sending a complete request. */
  idleTimeoutMs: number;
}

/** Channels whose requests carry whole files (CSV exports, Graph JSON pages). */
export const UPLOAD_CHANNELS: ReadonlySet<string> = new Set(['importUsers', 'importAssignments']);

/** The soft "open files" limit on Linux (from /proc), undefined where it cannot be read. */
export function openFileLimit(): number | undefined {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((candidate) => candidate.startsWith('Max open files'));
    const soft = line?.split(/\s{2,}/)[1];
    const value = Number(soft);
    return Number.isFinite(value) && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A quarter of the descriptor limit for sockets, between 32 and 256 (macOS defaults to a soft limit of 256). */
export function connectionCap(fdLimit: number | undefined): number {
  if (fdLimit === undefined) return 128;
  return Math.max(32, Math.min(256, Math.floor(fdLimit / 4)));
}

export function defaultLimits(): WebLimits {
  return {
    maxConnections: connectionCap(openFileLimit()),
    maxInFlight: 8,
    maxQueued: 64,
    maxBodyBytes: 1024 * 1024,
    // A 100,000-user "Download users" CSV is tens of MB; 128 MiB, one upload at a time, bounds memory.
    maxUploadBytes: 128 * 1024 * 1024,
    // Streamed to a temporary file, not held in memory: the desktop app's import limit applies.
    maxStreamedUploadBytes: MAX_UPLOAD_BYTES,
    headersTimeoutMs: 10_000,
    requestTimeoutMs: 120_000,
    keepAliveTimeoutMs: 5_000,
    idleTimeoutMs: 15_000,
  };
}
