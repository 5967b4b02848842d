import { z } from 'zod';

/** Job kinds whose work stops when cancelled (a Graph pull between pages: the page in flight finishes). */
export const CANCELLABLE_JOBS = ['probeJob', 'dryRunJob', 'importJob', 'graphPullJob'] as const;

export const jobsContract = {
  /**
   * Cancels the running job of this kind, if any: its `finished` event then says `cancelled`. The same as
   * cancelProbes / cancelDryRun for those kinds; the one way to stop an import.
   */
  cancelJob: {
    request: z.object({ channel: z.enum(CANCELLABLE_JOBS) }).strict(),
    response: z.object({ cancelled: z.boolean() }).strict(),
  },
};
