/** Public types of the mock Jostle server; `index.ts` re-exports them. */
import type { faultKinds, mockEndpoints } from '../../shared/api/contracts/mock';

/** The lists live with the API contract, so the app's fault toggles and the mock can never disagree. */
export type FaultKind = (typeof faultKinds)[number];
export type MockEndpoint = (typeof mockEndpoints)[number];

export interface FaultSpec {
  kind: FaultKind;
  endpoint: MockEndpoint;
  /** For `latency`: added delay; default 2000 ms. */
  latencyMs?: number;
  /** For `tooManyRequests`: the Retry-After header; default 30 s. */
  retryAfterSeconds?: number;
}

export interface RequestLogEntry {
  id: number;
  /** ISO timestamp of arrival. */
  at: string;
  method: string;
  /** Path with query string. */
  path: string;
  /** null = no response was sent (the `noResponse` fault). */
  status: number | null;
  durationMs: number;
  /** Parsed body with secrets redacted; a `{ truncated, preview }` object when it was large or not JSON. */
  requestBody?: unknown;
  responseBody?: unknown;
  fault?: FaultKind;
}

export interface MockJostleOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 = a random free port. */
  port?: number;
  /** Default: 32 random bytes, base64url. */
  token?: string;
  /** Default '/scim2', like Jostle's Base URL. */
  basePath?: string;
  /** Synthetic users to create at start. */
  seedUsers?: number;
  faults?: FaultSpec[];
  /** Request-log ring-buffer size; default 500. */
  logCapacity?: number;
  /** Called after each request is logged (for live logs in the CLI and UI). Must not throw. */
  onRequest?: (entry: RequestLogEntry) => void;
}
