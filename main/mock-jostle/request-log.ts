import { FAULT_KINDS } from './faults';
import type { FaultKind, RequestLogEntry } from './types';

/** Bodies are kept as (truncated) text and parsed + redacted only when someone reads the log: cheap on the hot path. */
export const MAX_LOGGED_BODY_CHARS = 4096;
export const DEFAULT_LOG_CAPACITY = 500;

const SECRET_KEY = /pass(word)?|secret|token|authorization|api[-_]?key|credential/i;
const SECRET_PAIR =
  /("[^"]*(?:pass(?:word)?|secret|token|authorization|api[-_]?key|credential)[^"]*"\s*:\s*)("(?:[^"\\]|\\.)*"|[^,}\]\s]+)/gi;
export const REDACTED = '[redacted]';

/** One request as the handler reports it; bodies as text, with their UTF-8 bytes when the handler has them. */
export interface LogInput {
  /** Epoch ms; turned into an ISO string only when the log is read (cheaper on the hot path). */
  atMs: number;
  method: string;
  path: string;
  status: number | null;
  durationMs: number;
  requestText?: string;
  /** Bytes that decode (as UTF-8) to requestText, e.g. the body as it arrived: copied, not encoded again. */
  requestBytes?: Uint8Array;
  responseText?: string;
  /** Bytes that decode to responseText (the response as sent). */
  responseBytes?: Uint8Array;
  fault?: FaultKind;
}

const NO_TEXT = -1;
/** Texts kept per entry, one after another in the entry's buffer. */
const PATH = 0;
const REQUEST = 1;
const RESPONSE = 2;
const TEXTS = 3;
/** A slot's buffer grows in steps of this and shrinks back when an entry needs less than a quarter of it. */
const BUFFER_STEP = 1024;

/**
 * Bounded ring buffer of requests. The Authorization header is never recorded; bodies are redacted by key
 * name (password, secret, token…) when read.
 * Entries live in columns (typed arrays) and their texts as UTF-8 in one reused buffer per slot, outside the
 * JavaScript heap: a log entry outlives a young-generation collection or two, so entry objects holding the
 * body strings were copied and then promoted at the request rate, and the old generation they filled made the
 * mock's full collections (its longest pauses) frequent. The texts round-trip exactly: they are well-formed
 * (UTF-8 decoded, JSON.stringify's output, or a URL), and a lone surrogate that clipping leaves at the end is
 * past what the preview shows.
 */
export class RequestLog {
  private ids = new Float64Array(0);
  private atMs = new Float64Array(0);
  private durationMs = new Float64Array(0);
  /** -1 for no response. */
  private statuses = new Int32Array(0);
  /** Index in FAULT_KINDS + 1; 0 for none. */
  private faultCodes = new Uint8Array(0);
  private methods: string[] = [];
  /** TEXTS byte lengths per slot; NO_TEXT for an absent (or empty) body. */
  private lengths = new Int32Array(0);
  private buffers: Buffer[] = [];
  private count = 0;
  private start = 0;
  private nextId = 1;

  constructor(readonly capacity: number = DEFAULT_LOG_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new Error('logCapacity must be a positive integer.');
  }

  add(entry: LogInput): void {
    let slot: number;
    if (this.count < this.capacity) {
      slot = (this.start + this.count) % this.capacity;
      this.count += 1;
      this.reserveSlots(slot + 1);
    } else {
      slot = this.start;
      this.start = (this.start + 1) % this.capacity;
    }
    this.ids[slot] = this.nextId++;
    this.atMs[slot] = entry.atMs;
    this.durationMs[slot] = entry.durationMs;
    this.statuses[slot] = entry.status ?? -1;
    this.faultCodes[slot] = entry.fault === undefined ? 0 : FAULT_KINDS.indexOf(entry.fault) + 1;
    this.methods[slot] = entry.method;

    // The texts as stored: the path as is, each body clipped to MAX_LOGGED_BODY_CHARS + 1 characters.
    const request = clip(entry.requestText);
    const response = clip(entry.responseText);
    const requestBytes = bytesOf(entry.requestText, request, entry.requestBytes);
    const responseBytes = bytesOf(entry.responseText, response, entry.responseBytes);
    const pathBytes = Buffer.byteLength(entry.path, 'utf8');
    const needed =
      pathBytes +
      (requestBytes?.length ?? Buffer.byteLength(request ?? '')) +
      (responseBytes?.length ?? Buffer.byteLength(response ?? ''));
    const buffer = this.bufferFor(slot, needed);
    const base = slot * TEXTS;
    let offset = buffer.write(entry.path, 0, 'utf8');
    this.lengths[base + PATH] = offset;
    offset = storeText(buffer, offset, request, requestBytes, this.lengths, base + REQUEST);
    storeText(buffer, offset, response, responseBytes, this.lengths, base + RESPONSE);
  }

  /** Oldest first. */
  entries(): RequestLogEntry[] {
    const entries: RequestLogEntry[] = [];
    for (let at = 0; at < this.count; at += 1) entries.push(this.entry((this.start + at) % this.capacity));
    return entries;
  }

  /** The entry added last (the log is never empty right after add). */
  newest(): RequestLogEntry {
    return this.entry((this.start + this.count - 1) % this.capacity);
  }

  clear(): void {
    this.count = 0;
    this.start = 0;
  }

  private entry(slot: number): RequestLogEntry {
    const base = slot * TEXTS;
    const buffer = this.buffers[slot]!;
    const pathEnd = this.lengths[base + PATH]!;
    const requestLength = this.lengths[base + REQUEST]!;
    const requestEnd = pathEnd + Math.max(0, requestLength);
    const responseLength = this.lengths[base + RESPONSE]!;
    const status = this.statuses[slot]!;
    const result: RequestLogEntry = {
      id: this.ids[slot]!,
      at: new Date(this.atMs[slot]!).toISOString(),
      method: this.methods[slot]!,
      path: buffer.toString('utf8', 0, pathEnd),
      status: status < 0 ? null : status,
      durationMs: this.durationMs[slot]!,
    };
    if (requestLength !== NO_TEXT)
      result.requestBody = readBody(buffer.toString('utf8', pathEnd, requestEnd));
    if (responseLength !== NO_TEXT)
      result.responseBody = readBody(buffer.toString('utf8', requestEnd, requestEnd + responseLength));
    const fault = this.faultCodes[slot]!;
    if (fault !== 0) result.fault = FAULT_KINDS[fault - 1];
    return result;
  }

  /** Column room for `slots` entries, grown by doubling up to the capacity. */
  private reserveSlots(slots: number): void {
    if (slots <= this.ids.length) return;
    const size = Math.min(this.capacity, Math.max(slots, 16, this.ids.length * 2));
    this.ids = grownTo(this.ids, size);
    this.atMs = grownTo(this.atMs, size);
    this.durationMs = grownTo(this.durationMs, size);
    this.statuses = grownTo(this.statuses, size);
    this.faultCodes = grownTo(this.faultCodes, size);
    this.lengths = grownTo(this.lengths, size * TEXTS);
  }

  private bufferFor(slot: number, bytes: number): Buffer {
    const current = this.buffers[slot];
    if (current && current.length >= bytes && (current.length <= BUFFER_STEP || bytes * 4 > current.length))
      return current;
    const fresh = Buffer.allocUnsafeSlow(Math.max(BUFFER_STEP, Math.ceil(bytes / BUFFER_STEP) * BUFFER_STEP));
    this.buffers[slot] = fresh;
    return fresh;
  }
}

function grownTo<T extends Float64Array | Int32Array | Uint8Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(size);
  bigger.set(array);
  return bigger;
}

function clip(text: string | undefined): string | undefined {
  if (text === undefined || text === '') return undefined;
  return text.length > MAX_LOGGED_BODY_CHARS ? text.slice(0, MAX_LOGGED_BODY_CHARS + 1) : text;
}

/** The given bytes when they are the whole stored text (it was not clipped), else none (it gets encoded). */
function bytesOf(
  text: string | undefined,
  stored: string | undefined,
  bytes: Uint8Array | undefined,
): Uint8Array | undefined {
  return stored !== undefined && stored === text ? bytes : undefined;
}

function storeText(
  buffer: Buffer,
  offset: number,
  text: string | undefined,
  bytes: Uint8Array | undefined,
  lengths: Int32Array,
  at: number,
): number {
  if (text === undefined) {
    lengths[at] = NO_TEXT;
    return offset;
  }
  const written = bytes ? (buffer.set(bytes, offset), bytes.length) : buffer.write(text, offset, 'utf8');
  lengths[at] = written;
  return offset + written;
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
