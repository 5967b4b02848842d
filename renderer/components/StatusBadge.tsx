import { Badge } from '@fluentui/react-components';
import type { StepStatus } from '../../shared/wizard/steps';

const labels: Record<StepStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  'needs-attention': 'Needs attention',
};

const colors = {
  'not-started': 'informative',
  'in-progress': 'brand',
  done: 'success',
  'needs-attention': 'warning',
} as const;

export function StatusBadge({ status }: { status: StepStatus }) {
  return (
    <Badge
      appearance={status === 'not-started' ? 'outline' : 'filled'}
      color={colors[status]}
      data-status={status}
    >
      {labels[status]}
    </Badge>
  );
}

export const statusLabel = (status: StepStatus): string => labels[status];
