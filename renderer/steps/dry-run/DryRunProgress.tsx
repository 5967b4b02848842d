import { Field, ProgressBar, Text } from '@fluentui/react-components';
import type { DryRunStatusView } from '../../../shared/api/contract';

import { duration, etaRange } from './eta';

export function DryRunProgress({ progress }: { progress: NonNullable<DryRunStatusView['progress']> }) {
  const failures = Object.values(progress.counts).reduce((sum, byStatus) => sum + byStatus.Failure, 0);
  const left = etaRange(progress);
  return (
    <Field
      label={`Cycle ${progress.cycle} (${progress.kind}): ${progress.processed.toLocaleString()} of ${progress.total.toLocaleString()} users`}
      hint={`${progress.requests.toLocaleString()} requests · ${Math.round(progress.requestsPerSecond).toLocaleString()} per second · ${failures.toLocaleString()} failed${
        left ? ` · ${left}` : ''
      }`}
      data-testid="dry-run-progress"
    >
      <ProgressBar value={progress.total === 0 ? 0 : progress.processed / progress.total} thickness="large" />
      <Text size={200}>{duration(progress.elapsedMs)} so far</Text>
    </Field>
  );
}
