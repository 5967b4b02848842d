import {
  Button,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular, Play20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ApiRequest, DryRunStatusView } from '../../../shared/api/contract';
import { DEFAULT_LIVE_MAX_USERS } from '../../../shared/provisioning/start-small';
import { ConfirmButton } from '../../components/ConfirmButton';
import { runTargetWords } from '../../../shared/provisioning/run-target';
import { TargetSwitch, useLiveTenant, type Target } from '../../components/TargetSwitch';
import { plural } from '../../text';
import {
  DryRunJobSettings,
  ENTRA_JOB_DEFAULTS,
  jobSettingsRequest,
  thresholdValid,
  type JobSettings,
} from './DryRunJobSettings';
import { useDryRunDefaults } from './use-dry-run-defaults';
import { daysValid, DryRunNextCycle, NO_CHANGES, nextCycleRequest } from './DryRunNextCycle';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '820px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  advanced: { '& > summary': { cursor: 'pointer', marginBottom: tokens.spacingVerticalS } },
});

export function DryRunControls(props: {
  status: DryRunStatusView | null;
  onStart(request: ApiRequest<'startDryRun'>): void;
  onCancel(): void;
  /** The chosen target: the step keeps it, so its title can say "Live run: writes to …". */
  target: Target;
  onTargetChange(target: Target): void;
}) {
  const styles = useStyles();
  const tenant = useLiveTenant();
  const liveHost = tenant?.host ?? null;
  const { target, onTargetChange: setTarget } = props;
  const defaults = useDryRunDefaults();
  // Until the admin changes them, the settings follow the defaults (they load after the step opens).
  const [dialectChoice, setDialect] = useState<'default' | 'aadOptscim062020' | null>(null);
  const dialect = dialectChoice ?? defaults.patchDialect;
  const [maxUsers, setMaxUsers] = useState(String(DEFAULT_LIVE_MAX_USERS));
  const [confirmHost, setConfirmHost] = useState('');
  const [settingsChoice, setSettings] = useState<JobSettings | null>(null);
  const settings = settingsChoice ?? { ...ENTRA_JOB_DEFAULTS, ...defaults.targetObjectActions };
  const [next, setNext] = useState(NO_CHANGES);
  const running = props.status?.running === true;
  const cyclesRun = props.status?.cyclesRun ?? 0;
  const continuing = (props.status?.cyclesRun ?? 0) > 0 && props.status?.target === target;
  const limit = Number(maxUsers);
  const limitValid = Number.isInteger(limit) && limit >= 1 && limit <= 100_000;
  const live = target === 'live';
  const words = runTargetWords(target, liveHost);
  const ready =
    !running &&
    thresholdValid(settings) &&
    daysValid(next) &&
    (!live || (limitValid && tenant?.confirmed(confirmHost) === true));

  const start = (fresh: boolean) => {
    props.onStart({
      target,
      patchDialect: dialect,
      fresh,
      ...jobSettingsRequest(settings),
      ...(fresh ? {} : nextCycleRequest(next)),
      ...(live ? { maxUsers: limit, confirmHost: confirmHost.trim() } : {}),
    });
    setNext(NO_CHANGES);
  };

  return (
    <div className={styles.box}>
      <TargetSwitch value={target} liveHost={liveHost} onChange={setTarget} />
      <details className={styles.advanced} data-testid="dry-run-advanced">
        <summary>Advanced: PATCH format{dialect === 'default' ? '' : ' (SCIM-compliant)'}</summary>
        <Field
          label="PATCH format"
          hint={
            continuing
              ? 'Fixed for this run of cycles: Entra uses one format for the life of a job. Start over to change it.'
              : `How Entra words its update requests. ${dialectChoice === null ? defaults.patchDialectFrom : 'Your choice.'} On the custom path, a saved Base URL ending with ?aadOptscim062020 always uses that format.`
          }
        >
          <RadioGroup
            layout="horizontal"
            value={dialect}
            onChange={(_event, data) => setDialect(data.value as typeof dialect)}
            disabled={continuing}
          >
            <Radio value="default" label="Default" />
            <Radio value="aadOptscim062020" label="SCIM-compliant (aadOptscim062020)" />
          </RadioGroup>
        </Field>
      </details>
      <DryRunJobSettings
        value={settings}
        disabled={running}
        onChange={setSettings}
        actionsFrom={settingsChoice === null ? defaults.targetObjectActionsFrom : null}
      />
      {continuing && <DryRunNextCycle value={next} disabled={running} onChange={setNext} />}
      {live && (
        <div className={styles.row}>
          <Field
            label="Most users to touch (start small)"
            validationMessage={limitValid ? undefined : 'Enter 1 to 100,000.'}
          >
            <Input
              type="number"
              value={maxUsers}
              onChange={(_event, data) => setMaxUsers(data.value)}
              data-testid="dry-run-max-users"
            />
          </Field>
          {!tenant?.confirmed('') && (
            <Field label={`Type ${liveHost} to write to your live tenant`}>
              <Input
                value={confirmHost}
                onChange={(_event, data) => setConfirmHost(data.value)}
                data-testid="dry-run-confirm-host"
              />
            </Field>
          )}
        </div>
      )}
      <div className={styles.row}>
        {continuing ? (
          <>
            <Button
              appearance="primary"
              icon={<Play20Regular />}
              disabled={!ready}
              onClick={() => start(false)}
              data-testid="dry-run-next"
            >
              {words.nextLabel}
            </Button>
            <ConfirmButton
              icon={<ArrowClockwise20Regular />}
              disabled={!ready}
              onConfirm={() => start(true)}
              testId="dry-run-restart"
              confirm={{
                title: 'Start over with a new initial cycle?',
                confirmLabel: 'Start over',
                body: (
                  <>
                    This discards the {plural(cyclesRun, 'cycle')} run so far, their log and results, and runs
                    a new initial cycle now{target === 'mock' ? ' against a freshly emptied Mock Jostle' : ''}
                    .
                  </>
                ),
              }}
            >
              Start over
            </ConfirmButton>
          </>
        ) : (
          <ConfirmButton
            appearance="primary"
            icon={<Play20Regular />}
            disabled={!ready}
            onConfirm={() => start(true)}
            testId="dry-run-start"
            // Cycles run against the other target are replaced by this one: say so first.
            confirm={
              cyclesRun > 0
                ? {
                    title: 'Replace the earlier cycles?',
                    confirmLabel: 'Run the initial cycle',
                    body: (
                      <>
                        The {plural(cyclesRun, 'cycle')} run against{' '}
                        {props.status?.target === 'live' ? (liveHost ?? 'your tenant') : 'Mock Jostle'} and
                        their log are discarded: results keep one target at a time.
                      </>
                    ),
                  }
                : null
            }
          >
            {words.startLabel}
          </ConfirmButton>
        )}
        {running && (
          <Button onClick={props.onCancel} data-testid="dry-run-cancel">
            Cancel
          </Button>
        )}
        {continuing && !running && (
          <Text className={styles.muted}>{plural(cyclesRun, 'cycle')} run so far.</Text>
        )}
      </div>
      {!live && !continuing && (
        <Text className={styles.muted}>
          Mock Jostle starts empty for an initial cycle, like a new Jostle intranet.
        </Text>
      )}
    </div>
  );
}
