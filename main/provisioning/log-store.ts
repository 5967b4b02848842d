/**
 * The provisioning log, bounded for 500,000-user runs: every entry is kept compactly, and request/response
 * bodies only where they help (failures, skips, and a sample of successes). See LogLimits. Past
 * `inMemoryEntries`, entries are paged to a JSON-lines file in a private temporary folder (removed when the
 * process exits), so the log of a huge cycle costs disk, not memory; `all()` reads them back on demand.
 */
import { appendFileSync, closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoNow } from '../../shared/format/iso-now';
import { redactSecret, truncate } from '../scim/redact';
import type { ProvisioningAction, ProvisioningStatus } from '../../shared/provisioning/summary';
import type { AttributeDiff, LoggedRequest, LogLimits, ProvisioningLogEntry } from './types';
import type { SendOutcome } from './request-sender';

export const DEFAULT_LOG_LIMITS: LogLimits = {
  detailedSuccesses: 1_000,
  maxEntries: 2_000_000,
  maxBodyChars: 2_000,
  inMemoryEntries: 20_000,
};

/**
 * Paged entries are encoded into this much off-heap memory, then appended in one write: few system calls,
 * and no serialised entry lives on the heap past its own turn (a list of 2,000 pending strings survived
 * young-generation collections and was copied by each one).
 */
const PAGE_BUFFER_BYTES = 1024 * 1024;

/** A private folder for one log's pages; removed on exit so no user data outlives the process. */
function createPageFile(): string {
  const folder = mkdtempSync(join(tmpdir(), 'jostle-dry-run-log-'));
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  return join(folder, 'log.jsonl');
}

/** What a turn tells the log (a SyncResult has these fields). */
export interface LoggedOutcome {
  action: ProvisioningAction;
  status: ProvisioningStatus;
  errorCode: string | null;
  message: string;
  targetId: string | null;
  diff: AttributeDiff[];
  exchanges: SendOutcome[];
}

/** A copy of `array` with twice the room. */
function doubled<T extends Uint8Array | Float64Array>(array: T): T {
  const next = new (array.constructor as new (length: number) => T)(array.length * 2);
  next.set(array);
  return next;
}

export class ProvisioningLog {
  private readonly entries: ProvisioningLogEntry[] = [];
  /** Serialised entries not yet appended to the page file: bytes 0 to pendingBytes of pageBuffer. */
  private pageBuffer: Buffer | null = null;
  private pendingBytes = 0;
  private pageFile: string | null = null;
  /** Bytes appended to the page file so far. */
  private fileBytes = 0;
  /** Per paged entry: where its line starts in the page file (as if pending bytes were already appended). */
  private lineStarts = new Float64Array(1024);
  /** Per kept entry, in memory or paged: its action and status as codes, so filters need not read the file. */
  private actionCodes = new Uint8Array(1024);
  private statusCodes = new Uint8Array(1024);
  private readonly codes = new Map<string, number>();
  private paged = 0;
  private dropped = 0;
  private detailedSuccessesByCycle = new Map<number, number>();

  constructor(
    private readonly limits: LogLimits,
    /** The token and anything else that must never appear in the log. */
    private readonly secrets: readonly string[],
  ) {}

  /** Logs one user's turn; the fields are passed, not spread into a new object (this runs per user). */
  add(
    cycle: number,
    outcome: LoggedOutcome,
    objectId: string,
    userPrincipalName: string,
  ): ProvisioningLogEntry | undefined {
    if (this.size >= this.limits.maxEntries) {
      this.dropped += 1;
      return undefined;
    }
    let detailed = outcome.status !== 'Success';
    if (!detailed) {
      const used = this.detailedSuccessesByCycle.get(cycle) ?? 0;
      if (used < this.limits.detailedSuccesses) {
        detailed = true;
        this.detailedSuccessesByCycle.set(cycle, used + 1);
      }
    }
    const { exchanges } = outcome;
    const requests: LoggedRequest[] = new Array<LoggedRequest>(exchanges.length);
    for (let at = 0; at < exchanges.length; at += 1) requests[at] = this.request(exchanges[at]!, detailed);
    const logged: ProvisioningLogEntry = {
      id: this.size + this.dropped + 1,
      cycle,
      at: isoNow(), // shared within a millisecond: this runs per user
      action: outcome.action,
      status: outcome.status,
      errorCode: outcome.errorCode,
      message: outcome.message,
      objectId,
      userPrincipalName,
      targetId: outcome.targetId,
      diff: outcome.diff,
      requests,
      detailed,
    };
    this.noteCodes(this.size, logged);
    if (this.entries.length < (this.limits.inMemoryEntries ?? Infinity)) this.entries.push(logged);
    else this.page(logged);
    return logged;
  }

  /** Entry `index` (0 = oldest), read from memory or, past the in-memory bound, from its line on disk. */
  at(index: number): ProvisioningLogEntry {
    return this.entriesAt([index])[0]!;
  }

  /** Entries by index, in the order given; paged ones are read from disk through one open file. */
  entriesAt(indices: readonly number[]): ProvisioningLogEntry[] {
    for (const index of indices)
      if (index < 0 || index >= this.size) throw new RangeError(`No log entry ${index}`);
    if (indices.every((index) => index < this.entries.length))
      return indices.map((index) => this.entries[index]!);
    this.flush();
    const handle = openSync(this.pageFile!, 'r');
    try {
      return indices.map((index) => {
        if (index < this.entries.length) return this.entries[index]!;
        const paged = index - this.entries.length;
        const start = this.lineStarts[paged]!;
        const end = paged + 1 < this.paged ? this.lineStarts[paged + 1]! : this.fileBytes;
        const bytes = Buffer.allocUnsafe(end - start);
        readSync(handle, bytes, 0, bytes.length, start);
        return JSON.parse(bytes.toString('utf8')) as ProvisioningLogEntry;
      });
    } finally {
      closeSync(handle);
    }
  }

  /** Entries kept in memory: indices below this; at() gives them without reading anything. */
  get inMemory(): number {
    return this.entries.length;
  }

  /** Whether entry `index` has this action and status (either may be absent: any), from the codes alone. */
  hasOutcome(index: number, action: string | undefined, status: string | undefined): boolean {
    return (
      (action === undefined || this.actionCodes[index] === this.codes.get(action)) &&
      (status === undefined || this.statusCodes[index] === this.codes.get(status))
    );
  }

  /**
   * The text of every paged entry (indices from {@link inMemory} on), oldest first, read from the file in
   * 1 MiB pieces without building the entries: for a search, which then parses only the lines that match.
   */
  *pagedTexts(): Generator<{ index: number; text: string }> {
    if (!this.pageFile) return;
    this.flush();
    const handle = openSync(this.pageFile, 'r');
    const chunk = Buffer.allocUnsafe(PAGE_BUFFER_BYTES);
    const decoder = new TextDecoder('utf-8');
    let index = this.entries.length;
    let rest = '';
    try {
      for (let got = readSync(handle, chunk); got > 0; got = readSync(handle, chunk)) {
        const lines = (rest + decoder.decode(chunk.subarray(0, got), { stream: true })).split('\n');
        rest = lines.pop()!;
        for (const text of lines) yield { index: index++, text };
      }
    } finally {
      closeSync(handle);
    }
  }

  private noteCodes(index: number, entry: ProvisioningLogEntry): void {
    if (index === this.actionCodes.length) {
      this.actionCodes = doubled(this.actionCodes);
      this.statusCodes = doubled(this.statusCodes);
    }
    this.actionCodes[index] = this.codeOf(entry.action);
    this.statusCodes[index] = this.codeOf(entry.status);
  }

  /** Actions and statuses share one small code table (a dozen values). */
  private codeOf(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) this.codes.set(value, (code = this.codes.size + 1));
    return code;
  }

  /** Entries kept (in memory and paged to disk). */
  get size(): number {
    return this.entries.length + this.paged;
  }

  /** Every kept entry, in order; paged entries are read back from disk (a copy each call). */
  all(): ProvisioningLogEntry[] {
    if (!this.pageFile) return this.entries;
    this.flush();
    const out = this.entries.slice();
    for (const line of readFileSync(this.pageFile, 'utf8').split('\n'))
      if (line !== '') out.push(JSON.parse(line) as ProvisioningLogEntry);
    return out;
  }

  private page(entry: ProvisioningLogEntry): void {
    this.pageFile ??= createPageFile();
    this.pageBuffer ??= Buffer.allocUnsafe(PAGE_BUFFER_BYTES);
    const line = `${JSON.stringify(entry)}\n`;
    if (this.paged === this.lineStarts.length) this.lineStarts = doubled(this.lineStarts);
    // Up to 3 bytes a UTF-16 unit in UTF-8: make room first, and write a line longer than the buffer at once.
    if (this.pendingBytes + line.length * 3 > PAGE_BUFFER_BYTES) this.flush();
    this.lineStarts[this.paged] = this.fileBytes + this.pendingBytes;
    this.paged += 1;
    if (line.length * 3 > PAGE_BUFFER_BYTES) {
      appendFileSync(this.pageFile, line, { mode: 0o600 });
      this.fileBytes += Buffer.byteLength(line);
    } else this.pendingBytes += this.pageBuffer.write(line, this.pendingBytes);
  }

  private flush(): void {
    if (!this.pageFile || !this.pageBuffer || this.pendingBytes === 0) return;
    appendFileSync(this.pageFile, this.pageBuffer.subarray(0, this.pendingBytes), { mode: 0o600 });
    this.fileBytes += this.pendingBytes;
    this.pendingBytes = 0;
  }

  get droppedEntries(): number {
    return this.dropped;
  }

  private clip(text: string): string {
    return truncate(redactSecret(text, this.secrets), this.limits.maxBodyChars).text;
  }

  private request(exchange: SendOutcome, detailed: boolean): LoggedRequest {
    const { response, networkError } = exchange;
    const logged: LoggedRequest = {
      method: exchange.request.method,
      path: exchange.sentPath,
      status: response ? response.status : null,
      durationMs: exchange.durationMs,
      attempts: exchange.attempts,
    };
    if (networkError) logged.error = redactSecret(networkError.message, this.secrets);
    if (detailed) {
      if (exchange.request.body !== undefined)
        logged.requestBody = this.clip(exchange.request.bodyText ?? JSON.stringify(exchange.request.body));
      if (response && response.text !== '') logged.responseBody = this.clip(response.text);
    }
    return logged;
  }
}
