import { Field, ProgressBar, Text } from '@fluentui/react-components';
import type { DryRunStatusView } from '../../../shared/api/contract';

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 90 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}

export function DryRunProgress({ progress }: { progress: NonNullable<DryRunStatusView['progress']> }) {
  const failures = Object.values(progress.counts).reduce((sum, byStatus) => sum + byStatus.Failure, 0);
  return (
    <Field
      label={`Cycle ${progress.cycle} (${progress.kind}): ${progress.processed.toLocaleString()} of ${progress.total.toLocaleString()} users`}
      hint={`${progress.requests.toLocaleString()} requests · ${Math.round(progress.requestsPerSecond)} per second · ${failures} failed${
        progress.etaMs === null ? '' : ` · about ${duration(progress.etaMs)} left`
      }`}
      data-testid="dry-run-progress"
    >
      <ProgressBar value={progress.total === 0 ? 0 : progress.processed / progress.total} thickness="large" />
      <Text size={200}>{duration(progress.elapsedMs)} so far</Text>
    </Field>
  );
}
