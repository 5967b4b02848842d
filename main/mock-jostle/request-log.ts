import type { FaultKind, RequestLogEntry } from './types';

/** Bodies are kept as (truncated) text and parsed + redacted only when someone reads the log: cheap on the hot path. */
export const MAX_LOGGED_BODY_CHARS = 4096;
export const DEFAULT_LOG_CAPACITY = 500;

const SECRET_KEY = /pass(word)?|secret|token|authorization|api[-_]?key|credential/i;
const SECRET_PAIR =
  /("[^"]*(?:pass(?:word)?|secret|token|authorization|api[-_]?key|credential)[^"]*"\s*:\s*)("(?:[^"\\]|\\.)*"|[^,}\]\s]+)/gi;
export const REDACTED = '[redacted]';

export interface RawLogEntry {
  id: number;
  /** Epoch ms; turned into an ISO string only when the log is read (cheaper on the hot path). */
  atMs: number;
  method: string;
  path: string;
  status: number | null;
  durationMs: number;
  requestText?: string;
  responseText?: string;
  fault?: FaultKind;
}

/**
 * Bounded ring buffer of requests. The Authorization header is never recorded; bodies are redacted by key
 * name (password, secret, token…) when read.
 */
export class RequestLog {
  private readonly slots: RawLogEntry[] = [];
  private start = 0;
  private nextId = 1;

  constructor(readonly capacity: number = DEFAULT_LOG_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new Error('logCapacity must be a positive integer.');
  }

  add(entry: Omit<RawLogEntry, 'id'>): RawLogEntry {
    const stored: RawLogEntry = {
      ...entry,
      id: this.nextId++,
      requestText: clip(entry.requestText),
      responseText: clip(entry.responseText),
    };
    if (this.slots.length < this.capacity) {
      this.slots.push(stored);
    } else {
      this.slots[this.start] = stored;
      this.start = (this.start + 1) % this.capacity;
    }
    return stored;
  }

  /** Oldest first. */
  entries(): RequestLogEntry[] {
    const ordered = [...this.slots.slice(this.start), ...this.slots.slice(0, this.start)];
    return ordered.map(materialize);
  }

  clear(): void {
    this.slots.length = 0;
    this.start = 0;
  }
}

function clip(text: string | undefined): string | undefined {
  if (text === undefined || text === '') return undefined;
  return text.length > MAX_LOGGED_BODY_CHARS ? text.slice(0, MAX_LOGGED_BODY_CHARS + 1) : text;
}

export function materialize(raw: RawLogEntry): RequestLogEntry {
  const entry: RequestLogEntry = {
    id: raw.id,
    at: new Date(raw.atMs).toISOString(),
    method: raw.method,
    path: raw.path,
    status: raw.status,
    durationMs: raw.durationMs,
  };
  if (raw.requestText !== undefined) entry.requestBody = readBody(raw.requestText);
  if (raw.responseText !== undefined) entry.responseBody = readBody(raw.responseText);
  if (raw.fault !== undefined) entry.fault = raw.fault;
  return entry;
}

function readBody(text: string): unknown {
  if (text.length <= MAX_LOGGED_BODY_CHARS) {
    try {
      return redact(JSON.parse(text));
    } catch {
      // not JSON: fall through to the text preview
    }
  }
  return {
    truncated: text.length > MAX_LOGGED_BODY_CHARS,
    preview: redactText(text.slice(0, MAX_LOGGED_BODY_CHARS)),
  };
}

export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, SECRET_KEY.test(key) ? REDACTED : redact(item)]),
  );
}

export function redactText(text: string): string {
  return text.replace(SECRET_PAIR, (_match, key: string) => `${key}"${REDACTED}"`);
}
