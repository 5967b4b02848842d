import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ProbeReportView } from '../../shared/api/contract';
import { api } from '../api/client';
import { ProbeResultList } from '../components/ProbeResultList';
import { TargetSwitch, useLiveTenant, type Target } from '../components/TargetSwitch';
import { hostOf, messageOf, when } from '../text';
import { ToolLayout } from '../components/ToolLayout';
import { ProbeProgress } from './ProbeProgress';
import { NetworkSettings } from './NetworkSettings';
import { useAssistant } from '../state/assistant-state';

const useStyles = makeStyles({
  controls: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '820px',
    marginBottom: tokens.spacingVerticalL,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  summary: { margin: `${tokens.spacingVerticalM} 0` },
});

function stalenessOf(
  report: ProbeReportView,
  mock: { running: boolean; baseUrl: string | null } | null,
  savedBaseUrl: string | null,
): string {
  const earlier = `From an earlier run (${when(report.finishedAt)}), against ${report.target === 'mock' ? `Mock Jostle at ${hostOf(report.baseUrl)}` : hostOf(report.baseUrl)}.`;
  if (report.target === 'mock' && (!mock?.running || mock.baseUrl !== report.baseUrl)) {
    return `${earlier} That Mock Jostle is no longer running: run the checks again for today’s state.`;
  }
  if (report.target === 'live' && report.baseUrl !== savedBaseUrl) {
    return `${earlier} That is not the Base URL saved now: run the checks again.`;
  }
  return `${earlier} Changes made since are not reflected until you run the checks again.`;
}

export function DiagnosticsPanel() {
  const styles = useStyles();
  const tenant = useLiveTenant();
  const { connection } = useAssistant();
  const liveHost = tenant?.host ?? null;
  const [target, setTarget] = useState<Target>('mock');
  const [write, setWrite] = useState(false);
  const [confirmHost, setConfirmHost] = useState('');
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<ProbeReportView | null>(null);
  const [error, setError] = useState<string | null>(null);

  // A report read back from disk is from an earlier run: say when, against what, and whether that target
  // is still the one in use (a Mock Jostle gets a new address on every start).
  const [stale, setStale] = useState<string | null>(null);
  useEffect(() => {
    void api.getLatestProbeReport({}).then(async ({ report: latest }) => {
      if (!latest) return;
      const mock = latest.target === 'mock' ? await api.getMockStatus({}).catch(() => null) : null;
      setReport((current) => {
        if (current) return current;
        setStale(stalenessOf(latest, mock, connection?.baseUrl ?? null));
        return latest;
      });
    });
  }, [connection?.baseUrl]);

  const liveWrite = target === 'live' && write;
  const confirmed = !liveWrite || tenant?.confirmed(confirmHost) === true;

  async function run() {
    setRunning(true);
    setError(null);
    try {
      setStale(null);
      setReport(
        await api.runProbes({ target, write, ...(liveWrite ? { confirmHost: confirmHost.trim() } : {}) }),
      );
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setRunning(false);
    }
  }

  return (
    <ToolLayout
      id="diagnostics"
      title="Diagnostics"
      intro="Sends the requests Entra will send, and a few more, and explains anything that does not work. Read-only unless you include the write probes: they create one clearly marked test user, change it, and delete it again."
    >
      <NetworkSettings />
      <div className={styles.controls}>
        <TargetSwitch value={target} liveHost={liveHost} onChange={setTarget} />
        <Checkbox
          checked={write}
          onChange={(_event, data) => setWrite(data.checked === true)}
          label="Include write probes (create, update, deactivate and delete a test user)"
          data-testid="include-writes"
        />
        {liveWrite && !tenant?.confirmed('') && (
          <Field
            label={`Type ${liveHost} to allow writes to your live tenant`}
            validationState={confirmed ? 'success' : 'none'}
            hint="The test user is named jpa-probe-… and is removed at the end, also if a probe fails or you cancel."
          >
            <Input
              value={confirmHost}
              onChange={(_event, data) => setConfirmHost(data.value)}
              data-testid="confirm-host"
            />
          </Field>
        )}
        <div className={styles.row}>
          <Button
            appearance="primary"
            disabled={running || !confirmed}
            onClick={() => void run()}
            data-testid="run-probes"
          >
            Run diagnostics
          </Button>
          {running && (
            <>
              <Spinner size="tiny" label="Probing…" />
              <Button onClick={() => void api.cancelProbes({})}>Cancel</Button>
            </>
          )}
        </div>
        <ProbeProgress running={running} />
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {report && (
        <div data-testid="probe-report">
          <MessageBar intent={report.ok ? 'success' : 'error'} className={styles.summary}>
            <MessageBarBody>
              <MessageBarTitle>{report.ok ? 'No problems found' : 'Something needs fixing'}</MessageBarTitle>
              {report.target === 'mock' ? 'Mock Jostle' : hostOf(report.baseUrl)} · {report.counts.pass}{' '}
              passed, {report.counts.warn} warnings, {report.counts.fail} failed, {report.counts.skipped}{' '}
              skipped · {when(report.finishedAt)}
              {report.cancelled && ' · cancelled'}
            </MessageBarBody>
          </MessageBar>
          {stale && (
            <MessageBar intent="warning" data-testid="probe-report-stale">
              <MessageBarBody>{stale}</MessageBarBody>
            </MessageBar>
          )}
          {report.leftovers.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                Test users left behind:{' '}
                {report.leftovers
                  .map((leftover) => `${leftover.userName} (${leftover.id ?? 'no id'}, ${leftover.note})`)
                  .join('; ')}
              </MessageBarBody>
            </MessageBar>
          )}
          <Text as="p" block>
            Expand a probe to see what it sent and what came back.
          </Text>
          <ProbeResultList key={report.finishedAt} probes={report.probes} />
        </div>
      )}
    </ToolLayout>
  );
}
