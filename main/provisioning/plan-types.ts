/** The engine's per-user memory and a planned job: types shared by the cycle plan and its compact job list. */
import type { SyncJob } from './sync-job';
import type { UserOutcome } from './types';

/** What the engine remembers about a user between cycles (Entra's cached target id plus our snapshot). */
export interface UserState {
  objectId: string;
  userPrincipalName: string;
  targetId: string | null;
  /** Fingerprint of what was last synced successfully; null = never, or must be retried (escrow). */
  fingerprint: number | null;
  /** Active in Jostle after the last successful sync. */
  active: boolean;
  deleted: boolean;
  /**
   * Entra still manages the user: in scope at the last sync. A user disabled because they were unassigned or
   * filtered out is no longer managed, so deleting them from the directory sends nothing (HOW, Known limitations).
   */
  managed: boolean;
  /** Simulated day the user was first missing from an import (soft-deleted); null while present. */
  missingSinceDay: number | null;
  cycle: number;
  outcome: UserOutcome['outcome'];
  /** The plan that last found the user in the import (see planCycle); 0 = none yet. */
  seenInPlan: number;
}

export interface PlannedJob {
  job: SyncJob;
  /**
   * What the sync would store on success; undefined = not worked out yet (a user with nothing to compare
   * against, as in the initial cycle), computed when the result is recorded (user-state.ts).
   */
  fingerprint: number | null | undefined;
}
