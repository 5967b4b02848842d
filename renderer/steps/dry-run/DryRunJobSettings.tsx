import { Checkbox, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ApiRequest } from '../../../shared/api/contract';

type StartRequest = ApiRequest<'startDryRun'>;

/**
 * The Entra provisioning-job settings a dry run follows. Defaults are Entra's for a new job; the Target
 * Object Actions start from the imported Entra schema when there is one (use-dry-run-defaults).
 */
export interface JobSettings {
  skipOutOfScopeDeletions: boolean;
  create: boolean;
  update: boolean;
  delete: boolean;
  preventDeletions: boolean;
  threshold: string;
}

export const ENTRA_JOB_DEFAULTS: JobSettings = {
  skipOutOfScopeDeletions: false,
  create: true,
  update: true,
  delete: true,
  preventDeletions: false,
  threshold: '',
};

export function thresholdValid(settings: JobSettings): boolean {
  const value = Number(settings.threshold);
  return !settings.preventDeletions || (Number.isInteger(value) && value >= 1 && value <= 10_000_000);
}

export function jobSettingsRequest(settings: JobSettings): Partial<StartRequest> {
  return {
    skipOutOfScopeDeletions: settings.skipOutOfScopeDeletions,
    targetObjectActions: { create: settings.create, update: settings.update, delete: settings.delete },
    deletionThreshold: settings.preventDeletions ? Number(settings.threshold) : null,
  };
}

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    maxWidth: '820px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  threshold: { width: '120px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Set these as they are in Entra; a change takes effect from the next initial cycle. */
export function DryRunJobSettings(props: {
  value: JobSettings;
  disabled: boolean;
  onChange(next: JobSettings): void;
  /** Where the Target Object Actions came from; null once the admin changed the settings. */
  actionsFrom: string | null;
}) {
  const styles = useStyles();
  const { value, disabled } = props;
  const set = (patch: Partial<JobSettings>) => props.onChange({ ...value, ...patch });
  return (
    <div
      className={styles.box}
      role="group"
      aria-labelledby="dry-run-job-settings-title"
      data-testid="dry-run-job-settings"
    >
      <Text weight="semibold" id="dry-run-job-settings-title">
        Your Entra job settings
      </Text>
      <Text size={200}>
        <b>Target Object Actions</b>, under <b>Mappings</b> &gt; <b>Provision Microsoft Entra ID Users</b>:
      </Text>
      <div className={styles.row}>
        {(['create', 'update', 'delete'] as const).map((action) => (
          <Checkbox
            key={action}
            label={action.charAt(0).toUpperCase() + action.slice(1)}
            checked={value[action]}
            disabled={disabled}
            onChange={(_event, data) => set({ [action]: data.checked === true })}
            data-testid={`dry-run-action-${action}`}
          />
        ))}
      </div>
      {props.actionsFrom && (
        <Text size={200} className={styles.muted} data-testid="dry-run-actions-from">
          {props.actionsFrom}
        </Text>
      )}
      <Checkbox
        label="Users who leave scope are not disabled (SkipOutOfScopeDeletions set to True with Graph)"
        checked={value.skipOutOfScopeDeletions}
        disabled={disabled}
        onChange={(_event, data) => set({ skipOutOfScopeDeletions: data.checked === true })}
        data-testid="dry-run-skip-out-of-scope"
      />
      <div className={styles.row}>
        <Checkbox
          label="Prevent accidental deletions"
          checked={value.preventDeletions}
          disabled={disabled}
          onChange={(_event, data) => set({ preventDeletions: data.checked === true })}
          data-testid="dry-run-prevent-deletions"
        />
        {value.preventDeletions && (
          <Field
            label="Threshold"
            orientation="horizontal"
            validationMessage={thresholdValid(value) ? undefined : 'Enter your threshold from Entra.'}
          >
            <Input
              className={styles.threshold}
              type="number"
              value={value.threshold}
              disabled={disabled}
              onChange={(_event, data) => set({ threshold: data.value })}
              data-testid="dry-run-deletion-threshold"
            />
          </Field>
        )}
      </div>
      <Text size={200} className={styles.muted}>
        The other two settings start off, as in a new Entra job. A change takes effect from the next initial
        cycle (<b>Start over</b>).
      </Text>
    </div>
  );
}
