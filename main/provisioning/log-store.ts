/**
 * The provisioning log, bounded for 100,000-user runs: every entry is kept compactly, and request/response
 * bodies only where they help (failures, skips, and a sample of successes). See LogLimits.
 */
import { redactSecret, truncate } from '../scim/redact';
import type { ProvisioningAction, ProvisioningStatus } from '../../shared/provisioning/summary';
import type { AttributeDiff, LoggedRequest, LogLimits, ProvisioningLogEntry } from './types';
import type { SendOutcome } from './request-sender';

export const DEFAULT_LOG_LIMITS: LogLimits = {
  detailedSuccesses: 1_000,
  maxEntries: 500_000,
  maxBodyChars: 2_000,
};

export interface NewLogEntry {
  cycle: number;
  action: ProvisioningAction;
  status: ProvisioningStatus;
  errorCode: string | null;
  message: string;
  objectId: string;
  userPrincipalName: string;
  targetId: string | null;
  diff: AttributeDiff[];
  exchanges: SendOutcome[];
}

export class ProvisioningLog {
  private readonly entries: ProvisioningLogEntry[] = [];
  private dropped = 0;
  private detailedSuccessesByCycle = new Map<number, number>();

  constructor(
    private readonly limits: LogLimits,
    /** The token and anything else that must never appear in the log. */
    private readonly secrets: readonly string[],
  ) {}

  add(entry: NewLogEntry): ProvisioningLogEntry | undefined {
    if (this.entries.length >= this.limits.maxEntries) {
      this.dropped += 1;
      return undefined;
    }
    let detailed = entry.status !== 'Success';
    if (!detailed) {
      const used = this.detailedSuccessesByCycle.get(entry.cycle) ?? 0;
      if (used < this.limits.detailedSuccesses) {
        detailed = true;
        this.detailedSuccessesByCycle.set(entry.cycle, used + 1);
      }
    }
    const logged: ProvisioningLogEntry = {
      id: this.entries.length + this.dropped + 1,
      cycle: entry.cycle,
      at: new Date().toISOString(),
      action: entry.action,
      status: entry.status,
      errorCode: entry.errorCode,
      message: entry.message,
      objectId: entry.objectId,
      userPrincipalName: entry.userPrincipalName,
      targetId: entry.targetId,
      diff: entry.diff,
      requests: entry.exchanges.map((exchange) => this.request(exchange, detailed)),
      detailed,
    };
    this.entries.push(logged);
    return logged;
  }

  all(): ProvisioningLogEntry[] {
    return this.entries;
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
        logged.requestBody = this.clip(JSON.stringify(exchange.request.body));
      if (response && response.text !== '') logged.responseBody = this.clip(response.text);
    }
    return logged;
  }
}
