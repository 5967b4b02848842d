/**
 * The provisioning log, bounded for 500,000-user runs: every entry is kept compactly, and request/response
 * bodies only where they help (failures, skips, and a sample of successes). See LogLimits. Past
 * `inMemoryEntries`, entries are paged to a JSON-lines file in a private temporary folder (removed when the
 * process exits), so the log of a huge cycle costs disk, not memory; `all()` reads them back on demand.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/**
 * `new Date().toISOString()` for every entry of a 500,000-user cycle showed in its profile; entries written
 * within the same millisecond share one string.
 */
let lastStampMs = Number.NaN;
let lastStamp = '';
function timestamp(): string {
  const now = Date.now();
  if (now !== lastStampMs) {
    lastStampMs = now;
    lastStamp = new Date(now).toISOString();
  }
  return lastStamp;
}

export class ProvisioningLog {
  private readonly entries: ProvisioningLogEntry[] = [];
  /** Serialised entries not yet appended to the page file: bytes 0 to pendingBytes of pageBuffer. */
  private pageBuffer: Buffer | null = null;
  private pendingBytes = 0;
  private pageFile: string | null = null;
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
      at: timestamp(),
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
    if (this.entries.length < (this.limits.inMemoryEntries ?? Infinity)) this.entries.push(logged);
    else this.page(logged);
    return logged;
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
    this.paged += 1;
    // Up to 3 bytes a UTF-16 unit in UTF-8: make room first, and write a line longer than the buffer at once.
    if (this.pendingBytes + line.length * 3 > PAGE_BUFFER_BYTES) this.flush();
    if (line.length * 3 > PAGE_BUFFER_BYTES) appendFileSync(this.pageFile, line, { mode: 0o600 });
    else this.pendingBytes += this.pageBuffer.write(line, this.pendingBytes);
  }

  private flush(): void {
    if (!this.pageFile || !this.pageBuffer || this.pendingBytes === 0) return;
    appendFileSync(this.pageFile, this.pageBuffer.subarray(0, this.pendingBytes), { mode: 0o600 });
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
