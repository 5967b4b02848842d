/** The job model itself: one job per slot, started → progress (coalesced) → one finished, cancel. */
import { describe, expect, it } from 'vitest';
import { JobSlot } from '../../main/jobs/job';
import { JobEvents } from '../../main/jobs/job-events';

function recorder() {
  const events = new JobEvents();
  const seen: { channel: string; event: { type: string; outcome?: string; progress?: unknown } }[] = [];
  events.subscribe((channel, event) =>
    seen.push({ channel, event: event as (typeof seen)[number]['event'] }),
  );
  return { events, seen };
}

const progress = (rows: number) => ({ fileName: 'users.csv', totalBytes: 10, bytesRead: 10, rows });

describe('JobSlot', () => {
  it('refuses a second job while one runs, and publishes started, progress, finished in order', async () => {
    const { events, seen } = recorder();
    const slot = new JobSlot(events, 'importJob', 'An import is already running.');
    let release!: () => void;
    const { done } = slot.run(async (job) => {
      for (let rows = 1; rows <= 1000; rows += 1) job.progress(progress(rows));
      await new Promise<void>((resolve) => (release = resolve));
      return 'result';
    });
    expect(slot.running).toBe(true);
    expect(() => slot.run(async () => undefined)).toThrow(/already running/);
    release();
    expect(await done).toBe('result');
    expect(slot.running).toBe(false);
    const types = seen.map((item) => item.event.type);
    expect(types[0]).toBe('started');
    expect(types.at(-1)).toBe('finished');
    // A thousand reports in one tick are coalesced; the last one is never lost.
    const reported = seen.filter((item) => item.event.type === 'progress');
    expect(reported.length).toBeLessThanOrEqual(2);
    expect(reported.at(-1)?.event.progress).toEqual(progress(1000));
    expect(seen.at(-1)?.event).toMatchObject({ outcome: 'succeeded', message: null });
  });

  it('cancel aborts the signal and the job finishes as cancelled; a failure says why', async () => {
    const { events, seen } = recorder();
    const slot = new JobSlot(events, 'probeJob', 'busy');
    const { done } = slot.run(
      (job) => new Promise((resolve) => job.signal.addEventListener('abort', () => resolve('stopped'))),
    );
    expect(slot.cancel()).toBe(true);
    expect(await done).toBe('stopped');
    expect(seen.at(-1)?.event).toMatchObject({ type: 'finished', outcome: 'cancelled' });
    expect(slot.cancel()).toBe(false);

    const failed = slot.run(async () => {
      throw new Error('Jostle answered 500');
    });
    await expect(failed.done).rejects.toThrow('Jostle answered 500');
    expect(seen.at(-1)?.event).toMatchObject({ outcome: 'failed', message: 'Jostle answered 500' });
  });

  it('drops an event that breaks the contract instead of sending it', () => {
    const problems: string[] = [];
    const events = new JobEvents((channel) => problems.push(channel));
    const seen: unknown[] = [];
    events.subscribe((_channel, event) => seen.push(event));
    events.emit('importJob', { type: 'progress', jobId: 'x', progress: { rows: -1 } } as never);
    expect(seen).toEqual([]);
    expect(problems).toEqual(['importJob']);
  });
});
