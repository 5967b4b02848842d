/** One user's work in a cycle, as the cycle plan hands it to user-sync.ts. */
import type { PlannedUser } from './source-plan';

export type JobKind =
  /** In scope and active: match or read, then create or update. */
  | 'upsert'
  /** Soft-deleted (out of scope, unassigned, disabled) with a known target: update with active false. */
  | 'disable'
  /**
   * Never provisioned and disabled in the source, or out of scope under Sync all: Entra logs Create/Other ·
   * Skipped · NotEffectivelyEntitled and sends nothing, not even a lookup (GOV: "were not matched").
   */
  | 'notEntitled'
  /** Left scope while SkipOutOfScopeDeletions is on: Entra leaves the Jostle account as it is (SKIP). */
  | 'keepOutOfScope'
  /** Missing from the import (in the recycle bin) and still active in Jostle: disable it (HOW). */
  | 'softDelete'
  /** Permanently deleted, or soft-deleted 30 days ago: DELETE. */
  | 'delete';

export interface SyncJob {
  kind: JobKind;
  objectId: string;
  userPrincipalName: string;
  planned: PlannedUser | undefined;
  targetId: string | null;
  /** The user was active in Jostle after the last sync, so this is a transition to disabled. */
  wasActive: boolean;
}
