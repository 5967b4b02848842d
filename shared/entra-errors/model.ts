/**
 * What the assistant knows about one Microsoft Entra provisioning error code or quarantine reason.
 * Used by the Monitor step's log import, the dry run and the support export, so the wording lives in one place.
 */

/** Groups codes by what the admin has to do, not by HTTP status. */
export type EntraErrorCategory =
  | 'credentials'
  | 'permissions'
  | 'conflict'
  | 'matching'
  | 'throttling'
  | 'target-unavailable'
  | 'scim-compatibility'
  | 'rejected-value'
  | 'attribute-mapping'
  | 'quarantine'
  | 'entra-service'
  | 'skipped'
  | 'unknown';

export interface EntraErrorHelp {
  /** The code as Entra writes it in the provisioning logs (or a quarantine reason). */
  code: string;
  title: string;
  /** The most likely reason in a Jostle setup, in the tutorial's terms. */
  likelyCause: string;
  /** Concrete steps; menu paths in Markdown bold. */
  fix: string;
  category: EntraErrorCategory;
  /** Entra retries the event on its own; the admin may not need to act. */
  retriedAutomatically: boolean;
  /** The code either is a quarantine reason or tends to push the job into quarantine when it persists. */
  quarantineSignal: boolean;
}

/** A catalogue entry: one text shared by several spellings Entra uses for the same condition. */
export interface EntraErrorEntry extends EntraErrorHelp {
  /** Other codes that mean the same thing (e.g. `EntryConflict` for `Conflict`). */
  aliases?: readonly string[];
  /** HTTP statuses that, seen instead of a code, mean this entry. */
  httpStatuses?: readonly number[];
}

export type EntraErrorMatch = 'code' | 'alias' | 'http-status' | 'pattern' | 'fallback';

export interface EntraErrorLookup extends EntraErrorHelp {
  /** False when the assistant has no notes for this exact code and answered from a pattern or the fallback. */
  known: boolean;
  matchedBy: EntraErrorMatch;
}
