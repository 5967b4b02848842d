import {
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ApiResponse } from '../../../shared/api/contract';
import { GRAPH_CLOUD_IDS } from '../../../shared/api/contracts/graph';
import { api } from '../../api/client';
import { useJobEvents } from '../../api/use-job-events';
import { ToolLayout } from '../../components/ToolLayout';
import { messageOf, plural, when } from '../../text';
import { EntraApply } from './EntraApply';

type View = ApiResponse<'graphGetView'>;
type App = ApiResponse<'graphListApps'>['apps'][number];
type Job = ApiResponse<'graphJobStatus'>;

const CLOUD_LABELS: Record<(typeof GRAPH_CLOUD_IDS)[number], string> = {
  global: 'Global',
  usGovernment: 'US Government L4',
  usGovernmentDod: 'US Government L5 (DoD)',
  china: 'China (21Vianet)',
};

function describeJob(job: NonNullable<Job['job']>): string {
  const cycle = job.lastCycle ? `, last cycle ${job.lastCycle.state}` : '';
  const progress = job.progress
    ? `, ${job.progress.completed.toLocaleString()} of ${job.progress.total.toLocaleString()} ${job.progress.units}`
    : '';
  return `Job ${job.state}${cycle}${progress}.`;
}

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '820px',
    marginBottom: tokens.spacingVerticalXL,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  note: { color: tokens.colorNeutralForeground3 },
});

export function EntraPanel() {
  const styles = useStyles();
  const [view, setView] = useState<View | null>(null);
  const [draft, setDraft] = useState<View['settings']>({ tenant: null, clientId: null, cloud: 'global' });
  const [deviceCode, setDeviceCode] = useState<string | null>(null);
  const [apps, setApps] = useState<App[] | null>(null);
  const [appId, setAppId] = useState<string>('');
  const [job, setJob] = useState<Job | null>(null);
  const [pulled, setPulled] = useState<ApiResponse<'graphPull'> | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useJobEvents('graphPullJob', (event) => {
    if (event.type === 'progress') setProgress(event.progress.message);
  });

  useEffect(() => {
    void api.graphGetView({}).then((loaded) => {
      setView(loaded);
      setDraft(loaded.settings);
      if (loaded.lastPull) setAppId(loaded.lastPull.appId);
    });
  }, []);

  async function step<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {
    setBusy(name);
    setError(null);
    try {
      return await work();
    } catch (failure) {
      setError(messageOf(failure));
      return undefined;
    } finally {
      setBusy(null);
    }
  }

  const permission = (key: string) => view?.permissions[key]?.join(', ') ?? '';
  const identity = view?.identity;

  return (
    <ToolLayout
      id="entra"
      title="Entra (Microsoft Graph)"
      intro={`Optional: read users, assignments and the provisioning job straight from your tenant instead of CSV files, and apply what you verified. You sign in as yourself; you need the ${view?.requiredRole ?? 'Cloud Application Administrator'} role.`}
    >
      {error && (
        <MessageBar intent="error" data-testid="entra-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.section}>
        <Title3 as="h2">Sign in</Title3>
        <div className={styles.row}>
          <Field label="Tenant (ID or domain)" hint="Empty: your account’s home tenant">
            <Input
              value={draft.tenant ?? ''}
              onChange={(_e, data) => setDraft({ ...draft, tenant: data.value.trim() || null })}
            />
          </Field>
          <Field
            label="Application (client) ID"
            hint={`Empty: ${view?.defaultClientId ?? ''} (Microsoft Graph Command Line Tools)`}
          >
            <Input
              value={draft.clientId ?? ''}
              onChange={(_e, data) => setDraft({ ...draft, clientId: data.value.trim() || null })}
            />
          </Field>
          <Field label="Cloud">
            <Dropdown
              value={CLOUD_LABELS[draft.cloud]}
              selectedOptions={[draft.cloud]}
              onOptionSelect={(_e, data) =>
                setDraft({ ...draft, cloud: data.optionValue as View['settings']['cloud'] })
              }
            >
              {GRAPH_CLOUD_IDS.map((id) => (
                <Option key={id} value={id}>
                  {CLOUD_LABELS[id]}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Button onClick={() => void step('save', async () => setView(await api.graphSaveSettings(draft)))}>
            Save
          </Button>
        </div>
        <div className={styles.row}>
          <Button
            appearance="primary"
            disabled={busy !== null}
            data-testid="entra-sign-in"
            onClick={() =>
              void step('sign-in', async () => {
                const result = await api.graphSignIn({});
                setDeviceCode(result.message);
                setView(await api.graphGetView({}));
              })
            }
          >
            Sign in
          </Button>
          <Button
            disabled={busy !== null}
            onClick={() => void step('sign-out', async () => setView(await api.graphSignOut({})))}
          >
            Sign out
          </Button>
          <Button onClick={() => void step('refresh', async () => setView(await api.graphGetView({})))}>
            Refresh
          </Button>
        </div>
        {deviceCode && <Text data-testid="entra-device-code">{deviceCode}</Text>}
        <Text data-testid="entra-identity">
          {identity
            ? `Signed in as ${identity.user ?? 'unknown'} (tenant ${identity.tenantId ?? 'unknown'})`
            : 'Not signed in.'}
        </Text>
      </div>

      <div className={styles.section}>
        <Title3 as="h2">Read your tenant</Title3>
        <Text className={styles.note}>
          Finding the app needs {permission('readApps')}; the job and schema {permission('readJob')};
          assignments {permission('readAssignments')}; users {permission('readUsers')}.
        </Text>
        <div className={styles.row}>
          <Button
            disabled={busy !== null}
            onClick={() => void step('apps', async () => setApps((await api.graphListApps({})).apps))}
          >
            Find the Jostle app
          </Button>
        </div>
        {apps && (
          <RadioGroup value={appId} onChange={(_e, data) => setAppId(data.value)} data-testid="entra-apps">
            {apps.map((app) => (
              <Radio
                key={app.id}
                value={app.id}
                label={`${app.displayName} (${app.applicationTemplateId ? 'gallery' : 'non-gallery'}, ${app.id})`}
              />
            ))}
          </RadioGroup>
        )}
        <div className={styles.row}>
          <Button
            disabled={!appId || busy !== null}
            onClick={() => void step('job', async () => setJob(await api.graphJobStatus({ appId })))}
          >
            Provisioning job status
          </Button>
          <Button
            appearance="primary"
            disabled={!appId || busy !== null}
            data-testid="entra-pull"
            onClick={() =>
              void step('pull', async () => {
                // Graph pages arrive for a while on a big tenant: the progress line comes by push (above).
                try {
                  setPulled(await api.graphPull({ appId }));
                } finally {
                  setProgress(null);
                }
                setView(await api.graphGetView({}));
              })
            }
          >
            {busy === 'pull' ? 'Reading…' : 'Pull users and assignments'}
          </Button>
          {busy === 'pull' && (
            // Stops between Graph pages; nothing is saved until the last page, so nothing changes.
            <Button
              data-testid="entra-pull-cancel"
              onClick={() => void api.cancelJob({ channel: 'graphPullJob' })}
            >
              Cancel pull
            </Button>
          )}
        </div>
        {progress && <Text data-testid="entra-progress">{progress}</Text>}
        {job && (
          <Text data-testid="entra-job">
            {job.job ? `${describeJob(job.job)} ` : ''}
            {job.quarantine ?? job.problem ?? ''}
          </Text>
        )}
        {pulled && (
          <Text data-testid="entra-pulled">
            Saved {plural(pulled.users, 'user')}, {plural(pulled.assignedUsers, 'directly assigned user')} and{' '}
            {plural(pulled.groups, 'group')}. Scope, Mappings and Dry run now use them.
            {pulled.warnings.map((warning) => ` ${warning}`).join('')}
          </Text>
        )}
        {view?.lastPull && !pulled && (
          <Text className={styles.note}>
            Last pull: {view.lastPull.appName}, {plural(view.lastPull.users, 'user')},{' '}
            {when(view.lastPull.pulledAt)}.
          </Text>
        )}
      </div>

      {view?.lastPull && <EntraApply permission={permission('apply')} />}
    </ToolLayout>
  );
}
