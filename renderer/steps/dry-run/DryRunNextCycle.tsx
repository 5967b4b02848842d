import { Checkbox, Field, Input, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import type { ApiRequest } from '../../../shared/api/contract';

/** What happened in Entra between two cycles, beyond the changed import. */
export interface NextCycle {
  permanentlyDeleted: string;
  days: string;
  restart: boolean;
}

export const NO_CHANGES: NextCycle = { permanentlyDeleted: '', days: '', restart: false };

export function daysValid(next: NextCycle): boolean {
  const days = Number(next.days);
  return next.days.trim() === '' || (Number.isFinite(days) && days >= 0 && days <= 3650);
}

export function nextCycleRequest(next: NextCycle): Partial<ApiRequest<'startDryRun'>> {
  const deleted = next.permanentlyDeleted
    .split(/[\s,;]+/)
    .map((id) => id.trim())
    .filter(Boolean);
  return {
    ...(deleted.length ? { permanentlyDeleted: deleted } : {}),
    ...(next.days.trim() !== '' ? { daysSincePreviousCycle: Number(next.days) } : {}),
    ...(next.restart ? { restart: true } : {}),
  };
}

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '620px' },
  days: { width: '160px' },
});

export function DryRunNextCycle(props: {
  value: NextCycle;
  disabled: boolean;
  onChange(next: NextCycle): void;
}) {
  const styles = useStyles();
  const { value, disabled } = props;
  const set = (patch: Partial<NextCycle>) => props.onChange({ ...value, ...patch });
  return (
    <div className={styles.box} data-testid="dry-run-next-cycle">
      <Field
        label="Users permanently deleted in Entra since the last cycle"
        hint="User principal names or object IDs. Entra sends their DELETE now; other users missing from the import are only disabled, and deleted 30 days later."
      >
        <Textarea
          value={value.permanentlyDeleted}
          disabled={disabled}
          resize="vertical"
          onChange={(_event, data) => set({ permanentlyDeleted: data.value })}
          data-testid="dry-run-permanently-deleted"
        />
      </Field>
      <Field
        label="Days since the last cycle"
        hint="Leave empty for one 40-minute incremental interval."
        validationMessage={daysValid(value) ? undefined : 'Enter 0 to 3650 days.'}
      >
        <Input
          className={styles.days}
          type="number"
          value={value.days}
          disabled={disabled}
          onChange={(_event, data) => set({ days: data.value })}
          data-testid="dry-run-days"
        />
      </Field>
      <Checkbox
        label="Restart provisioning first (Entra forgets which Jostle user is whom and matches everyone again)"
        checked={value.restart}
        disabled={disabled}
        onChange={(_event, data) => set({ restart: data.checked === true })}
        data-testid="dry-run-restart-job"
      />
    </div>
  );
}
