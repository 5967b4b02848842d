/** A planned job: the type shared by the cycle plan and its compact job list. */
import type { SyncJob } from './sync-job';

export interface PlannedJob {
  job: SyncJob;
  /**
   * What the sync would store on success; undefined = not worked out yet (a user with nothing to compare
   * against, as in the initial cycle), computed when the result is recorded (user-state.ts).
   */
  fingerprint: number | null | undefined;
}
