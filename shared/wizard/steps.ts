/** The wizard follows the Microsoft tutorial's order. */
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
}

export const steps: readonly StepDefinition[] = [
  { id: 'plan', title: 'Plan' },
  { id: 'automation-user', title: 'Jostle automation user' },
  { id: 'connection', title: 'Jostle Base URL and API key' },
  { id: 'gallery', title: 'Add Jostle from the Entra gallery' },
  { id: 'scope', title: 'Scope' },
  { id: 'mappings', title: 'Attribute mappings' },
  { id: 'dry-run', title: 'Dry run' },
  { id: 'configure-entra', title: 'Configure provisioning in Entra' },
  { id: 'monitor', title: 'Monitor' },
  { id: 'export', title: 'Export summary' },
];

/** Checklists the admin ticks; the step's status follows from them. */
export const checklistItems = {
  plan: ['entra-tenant', 'entra-role', 'jostle-tenant', 'jostle-admin', 'jostle-subscription', 'start-small'],
  'automation-user': ['created', 'signed-in-once'],
  gallery: ['added-app', 'separate-test-app', 'opened-provisioning'],
  'configure-entra': [
    'mode-automatic',
    'admin-credentials',
    'test-connection',
    'notification-email',
    'saved-credentials',
    'mappings',
    'scope-assigned',
    'status-on',
    'saved-settings',
  ],
  monitor: ['first-cycle', 'logs-checked', 'no-quarantine', 'users-in-jostle'],
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
