import {
  checklistItems,
  checklistStatus,
  isChecklistStep,
  steps,
  type StepId,
  type StepStatus,
} from './steps';

export interface ProgressFacts {
  checklists: Readonly<Record<string, Readonly<Record<string, boolean>>>>;
  connection: {
    baseUrlSaved: boolean;
    keySaved: boolean;
    keyInMemoryOnly: boolean;
    /** Entra's Test Connection request, last sent to the saved Base URL, failed. */
    lastTestFailed?: boolean;
    /** The saved Base URL is on this computer (Mock Jostle): a stand-in, so the step is not done. */
    baseUrlIsLoopback?: boolean;
  };
  scope?: { usersImported: boolean; saved: boolean; hasErrors: boolean };
  mapping?: { saved: boolean; hasErrors: boolean };
  /** The latest dry run, if any. */
  dryRun?: { failures: number; quarantined: boolean; cancelled: boolean } | null;
  exported?: boolean;
}

/**
 * Every step's status follows from saved facts, so progress resumes exactly after a restart and can never
 * claim more than what was done.
 */
export function deriveStepStatuses(facts: ProgressFacts): Record<StepId, StepStatus> {
  const result = {} as Record<StepId, StepStatus>;
  for (const step of steps) {
    result[step.id] = statusOf(step.id, facts);
  }
  return result;
}

function statusOf(stepId: StepId, facts: ProgressFacts): StepStatus {
  if (stepId === 'connection') {
    const { baseUrlSaved, keySaved, keyInMemoryOnly, lastTestFailed, baseUrlIsLoopback } = facts.connection;
    if (keySaved && (keyInMemoryOnly || lastTestFailed)) return 'needs-attention';
    if (baseUrlSaved && keySaved) return baseUrlIsLoopback ? 'in-progress' : 'done';
    return baseUrlSaved || keySaved ? 'in-progress' : 'not-started';
  }
  if (stepId === 'scope' && facts.scope) {
    const { usersImported, saved, hasErrors } = facts.scope;
    if (hasErrors) return 'needs-attention';
    if (usersImported && saved) return 'done';
    return usersImported || saved ? 'in-progress' : 'not-started';
  }
  if (stepId === 'mappings' && facts.mapping) {
    if (facts.mapping.hasErrors) return 'needs-attention';
    return facts.mapping.saved ? 'done' : 'not-started';
  }
  if (stepId === 'dry-run' && facts.dryRun !== undefined) {
    const run = facts.dryRun;
    if (run === null) return 'not-started';
    if (run.quarantined || run.failures > 0) return 'needs-attention';
    return run.cancelled ? 'in-progress' : 'done';
  }
  if (stepId === 'export') return facts.exported ? 'done' : 'not-started';
  if (isChecklistStep(stepId)) return checklistStatus(checklistItems[stepId], facts.checklists[stepId] ?? {});
  return 'not-started';
}
