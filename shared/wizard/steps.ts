/**
 * The wizard follows the Microsoft tutorial's order. Steps that a later release fills are listed so the admin
 * sees the whole journey, but they can never be marked done until they do something real.
 */
export const stepIds = [
  'plan',
  'automation-user',
  'connection',
  'gallery',
  'scope',
  'mappings',
  'dry-run',
  'configure-entra',
  'monitor',
  'export',
] as const;

export type StepId = (typeof stepIds)[number];

export const stepStatuses = ['not-started', 'in-progress', 'done', 'needs-attention'] as const;
export type StepStatus = (typeof stepStatuses)[number];

export interface StepDefinition {
  id: StepId;
  title: string;
  /** Steps whose tools are still being built say what they will do instead. */
  available: boolean;
}

export const steps: readonly StepDefinition[] = [
  { id: 'plan', title: 'Plan', available: true },
  { id: 'automation-user', title: 'Jostle automation user', available: true },
  { id: 'connection', title: 'Jostle Base URL and API key', available: true },
  { id: 'gallery', title: 'Add Jostle from the Entra gallery', available: true },
  { id: 'scope', title: 'Scope', available: true },
  { id: 'mappings', title: 'Attribute mappings', available: true },
  { id: 'dry-run', title: 'Dry run', available: false },
  { id: 'configure-entra', title: 'Configure provisioning in Entra', available: false },
  { id: 'monitor', title: 'Monitor', available: false },
  { id: 'export', title: 'Export summary', available: false },
];

/** Checklists the admin ticks; the step's status follows from them. */
export const checklistItems = {
  plan: ['entra-tenant', 'entra-role', 'jostle-tenant', 'jostle-admin', 'jostle-subscription', 'start-small'],
  'automation-user': ['created', 'signed-in-once'],
  gallery: ['added-app', 'separate-test-app', 'opened-provisioning'],
} as const satisfies Partial<Record<StepId, readonly string[]>>;

export type ChecklistStepId = keyof typeof checklistItems;

export function isChecklistStep(stepId: StepId): stepId is ChecklistStepId {
  return stepId in checklistItems;
}

export function checklistStatus(
  items: readonly string[],
  ticked: Readonly<Record<string, boolean>>,
): StepStatus {
  const done = items.filter((item) => ticked[item] === true).length;
  if (done === 0) return 'not-started';
  return done === items.length ? 'done' : 'in-progress';
}
