import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { PlugConnected20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ProbeReportView } from '../../shared/api/contract';
import { api } from '../api/client';
import { ProbeResultList } from '../components/ProbeResultList';
import { messageOf } from '../text';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalL,
    maxWidth: '760px',
  },
});

/**
 * Sends Entra's Test Connection request (and the other read-only probes) to the saved tenant. Read-only, so
 * safe on a production intranet; the full list, and the write probes, are under Diagnostics.
 */
export function ConnectionTest({ host }: { host: string }) {
  const styles = useStyles();
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<ProbeReportView | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function test() {
    setRunning(true);
    setError(null);
    try {
      setReport(await api.runProbes({ target: 'live', write: false }));
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setRunning(false);
    }
  }

  const connection = report?.probes.find((probe) => probe.id === 'test-connection');
  const problems = report?.probes.filter((probe) => probe.status === 'fail' || probe.status === 'warn') ?? [];
  return (
    <div className={styles.box} data-testid="connection-test">
      <div>
        <Button
          icon={<PlugConnected20Regular />}
          disabled={running}
          onClick={() => void test()}
          data-testid="test-connection"
        >
          Test connection to {host}
        </Button>
        {running && (
          <Spinner
            size="tiny"
            label="Asking Jostle…"
            labelPosition="after"
            style={{ display: 'inline-flex', marginLeft: 8 }}
          />
        )}
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {report && connection && (
        <MessageBar
          intent={connection.status === 'pass' ? (report.ok ? 'success' : 'warning') : 'error'}
          data-testid="connection-test-result"
        >
          <MessageBarBody>
            <MessageBarTitle>
              {connection.status === 'pass'
                ? 'Jostle accepted the key'
                : 'Entra’s Test Connection would fail'}
            </MessageBarTitle>
            {connection.summary}{' '}
            {report.counts.fail > 0 &&
              `${report.counts.fail} of ${report.probes.length} checks failed; see below.`}
          </MessageBarBody>
        </MessageBar>
      )}
      {problems.length > 0 && <ProbeResultList key={report?.finishedAt} probes={problems} />}
    </div>
  );
}
