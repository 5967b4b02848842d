/**
 * One job model for all long-running work (probes, dry run cycles, large imports, Graph pulls): a slot per
 * kind of job runs at most one at a time; running one publishes `started`, throttled `progress` and one
 * `finished` on the kind's event channel; `cancel()` aborts the job's signal. Handlers decide what the call
 * answers (the result itself, or a status to read later); the events are the same either way.
 */
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../shared/api/errors';
import type { ApiEventChannel, JobProgress } from '../../shared/api/events';
import type { JobEvents } from './job-events';

/** Progress more often than this is coalesced: the window repaints at most ~10 times a second. */
export const PROGRESS_INTERVAL_MS = 100;

export interface RunningJob<C extends ApiEventChannel> {
  readonly jobId: string;
  readonly signal: AbortSignal;
  progress(progress: JobProgress<C>): void;
}

export class JobSlot<C extends ApiEventChannel> {
  private controller: AbortController | null = null;

  constructor(
    private readonly events: JobEvents,
    private readonly channel: C,
    private readonly busyMessage: string,
  ) {}

  get running(): boolean {
    return this.controller !== null;
  }

  /**
   * Runs `work` as this slot's job; refuses with `busy` while one runs. The returned promise settles with
   * the work's own result or error, after `finished` was published.
   */
  run<T>(work: (job: RunningJob<C>) => Promise<T>): { jobId: string; done: Promise<T> } {
    if (this.controller) throw new ApiError('busy', this.busyMessage);
    const controller = new AbortController();
    this.controller = controller;
    const jobId = randomUUID();
    const { events, channel } = this;
    let last = 0;
    let pending: JobProgress<C> | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      if (pending === null) return;
      last = Date.now();
      const progress = pending;
      pending = null;
      events.emit(channel, { type: 'progress', jobId, progress } as never);
    };
    const job: RunningJob<C> = {
      jobId,
      signal: controller.signal,
      progress(progress) {
        pending = progress;
        const wait = PROGRESS_INTERVAL_MS - (Date.now() - last);
        if (wait <= 0) flush();
        else timer ??= setTimeout(flush, wait);
      },
    };
    events.emit(channel, { type: 'started', jobId } as never);
    const finish = (outcome: 'succeeded' | 'failed' | 'cancelled', message: string | null) => {
      flush();
      if (this.controller === controller) this.controller = null;
      events.emit(channel, { type: 'finished', jobId, outcome, message } as never);
    };
    const done = (async () => {
      try {
        const result = await work(job);
        finish(controller.signal.aborted ? 'cancelled' : 'succeeded', null);
        return result;
      } catch (error) {
        finish(
          controller.signal.aborted ? 'cancelled' : 'failed',
          error instanceof Error ? error.message : String(error),
        );
        throw error;
      }
    })();
    return { jobId, done };
  }

  /** Aborts the running job, if any; true when there was one. */
  cancel(): boolean {
    if (!this.controller) return false;
    this.controller.abort();
    return true;
  }
}

/** Every job slot of one app context, one per kind, so a kind's job can be cancelled by name (cancelJob). */
export class JobSlots {
  private readonly slots = new Map<ApiEventChannel, JobSlot<ApiEventChannel>>();

  constructor(readonly events: JobEvents) {}

  /** The slot for this kind of job, created on first use; `busyMessage` is said while one runs. */
  slot<C extends ApiEventChannel>(channel: C, busyMessage: string): JobSlot<C> {
    let slot = this.slots.get(channel);
    if (!slot) {
      slot = new JobSlot(this.events, channel, busyMessage) as unknown as JobSlot<ApiEventChannel>;
      this.slots.set(channel, slot);
    }
    return slot as unknown as JobSlot<C>;
  }

  cancel(channel: ApiEventChannel): boolean {
    return this.slots.get(channel)?.cancel() ?? false;
  }
}
