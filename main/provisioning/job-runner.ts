/**
 * Runs a cycle's jobs with bounded concurrency, evaluates quarantine as results arrive (as Entra does while a
 * cycle runs), reports progress, and stops cleanly on cancellation: jobs not yet started are returned as not
 * dispatched, jobs in flight have their requests aborted and come back as cancelled.
 */
import { setMaxListeners } from 'node:events';
import type { PatchDialect } from '../../shared/mapping';
import type { CycleSummary, QuarantineVerdict } from '../../shared/provisioning/summary';
import type { PlannedJob } from './cycle-plan';
import type { JobQueue } from './job-list';
import type { RequestSender } from './request-sender';
import type { CompiledSource } from './source-plan';
import { escrowVerdict } from './thresholds';
import type { ProvisioningProgress, QuarantineThresholds, TargetObjectActions } from './types';
import { syncUser, type SyncResult } from './user-sync';

export interface RunJobsInput {
  jobs: JobQueue;
  cycle: number;
  kind: 'initial' | 'incremental';
  concurrency: number;
  thresholds: QuarantineThresholds;
  counts: CycleSummary['counts'];
  sender: RequestSender;
  dialect: PatchDialect;
  actions: TargetObjectActions;
  source: CompiledSource;
  signal: AbortSignal | undefined;
  onProgress: ((progress: ProvisioningProgress) => void) | undefined;
  /** Users already accounted for without a request (unchanged, staged, over the limit). */
  alreadyDone: number;
  total: number;
  onResult(planned: PlannedJob, result: SyncResult): void;
}

export interface RunJobsOutcome {
  notDispatched: PlannedJob[];
  cancelled: boolean;
  quarantineStatus: 401 | 404 | null;
  escrowVerdict: QuarantineVerdict | null;
  /** Provisioning events (results that were not cancellations) and the failures among them. */
  events: number;
  failures: number;
}

const PROGRESS_INTERVAL_MS = 100;

export async function runJobs(input: RunJobsInput): Promise<RunJobsOutcome> {
  const { jobs, counts, sender } = input;
  // Our own controller: the caller's abort and a quarantine both stop the cycle.
  const controller = new AbortController();
  // Every in-flight request listens to it: as many listeners as the concurrency, which is expected.
  setMaxListeners(0, controller.signal);
  const onAbort = () => controller.abort();
  input.signal?.addEventListener('abort', onAbort, { once: true });
  if (input.signal?.aborted) controller.abort();

  const started = performance.now();
  const requestsBefore = sender.requestCount;
  let next = 0;
  let finished = 0;
  let failures = 0;
  let events = 0;
  let stopDispatch = false;
  let quarantineStatus: 401 | 404 | null = null;
  let escrow: QuarantineVerdict | null = null;
  let lastProgress = 0;

  const progress = (force: boolean) => {
    if (!input.onProgress) return;
    const now = performance.now();
    if (!force && now - lastProgress < PROGRESS_INTERVAL_MS) return;
    lastProgress = now;
    const elapsedMs = Math.round(now - started);
    const remaining = jobs.length - finished;
    const requests = sender.requestCount - requestsBefore;
    input.onProgress({
      cycle: input.cycle,
      kind: input.kind,
      processed: input.alreadyDone + finished,
      total: input.total,
      counts: structuredClone(counts),
      requests,
      elapsedMs,
      etaMs: finished >= 10 && !stopDispatch ? Math.round((elapsedMs / finished) * remaining) : null,
      requestsPerSecond: elapsedMs > 0 ? Math.round((requests * 1000) / elapsedMs) : 0,
    });
  };

  const context = {
    sender,
    source: input.source,
    dialect: input.dialect,
    actions: input.actions,
    signal: controller.signal,
  };

  const worker = async () => {
    while (!stopDispatch && !controller.signal.aborted && next < jobs.length) {
      const planned = jobs.at(next);
      next += 1;
      const result = await syncUser(planned.job, context);
      finished += 1;
      counts[result.action][result.status] += 1;
      input.onResult(planned, result);
      if (!result.cancelled) {
        events += 1;
        if (result.status === 'Failure') failures += 1;
      }
      if (result.quarantineStatus && quarantineStatus === null) {
        // Invalid credentials or a non-SCIM lookup answer: Entra quarantines the job at once.
        quarantineStatus = result.quarantineStatus;
        stopDispatch = true;
      } else if (!escrow) {
        escrow = escrowVerdict(failures, events, input.thresholds);
        if (escrow) stopDispatch = true;
      }
      progress(false);
    }
  };
  progress(true);
  await Promise.all(Array.from({ length: Math.min(input.concurrency, jobs.length) }, worker));
  input.signal?.removeEventListener('abort', onAbort);
  progress(true);
  return {
    notDispatched: Array.from({ length: jobs.length - next }, (_, index) => jobs.at(next + index)),
    cancelled: input.signal?.aborted === true,
    quarantineStatus,
    escrowVerdict: escrow,
    events,
    failures,
  };
}
