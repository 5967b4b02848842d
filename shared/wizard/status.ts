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
  connection: { baseUrlSaved: boolean; keySaved: boolean; keyInMemoryOnly: boolean };
}

/**
 * Every step's status follows from saved facts, so progress resumes exactly after a restart and can never
 * claim more than what was done. Steps that are not built yet stay "not started".
 */
export function deriveStepStatuses(facts: ProgressFacts): Record<StepId, StepStatus> {
  const result = {} as Record<StepId, StepStatus>;
  for (const step of steps) {
    result[step.id] = step.available ? statusOf(step.id, facts) : 'not-started';
  }
  return result;
}

function statusOf(stepId: StepId, facts: ProgressFacts): StepStatus {
  if (stepId === 'connection') {
    const { baseUrlSaved, keySaved, keyInMemoryOnly } = facts.connection;
    if (keySaved && keyInMemoryOnly) return 'needs-attention';
    if (baseUrlSaved && keySaved) return 'done';
    return baseUrlSaved || keySaved ? 'in-progress' : 'not-started';
  }
  if (isChecklistStep(stepId)) return checklistStatus(checklistItems[stepId], facts.checklists[stepId] ?? {});
  return 'not-started';
}
