import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { PlugConnected20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ProbeReportView } from '../../shared/api/contract';
import { api } from '../api/client';
import { InlineMarkdown } from '../components/InlineMarkdown';
import { ProbeResultList } from '../components/ProbeResultList';
import { useAssistant } from '../state/assistant-state';
import { messageOf, when } from '../text';
import { connectionVerdict } from './connection-verdict';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalL,
    maxWidth: '760px',
  },
  remedy: { display: 'block', marginTop: tokens.spacingVerticalXS },
  tested: { display: 'block', color: tokens.colorNeutralForeground3 },
});

/**
 * Sends Entra's Test Connection request (and the other read-only probes) to the saved tenant. Read-only, so
 * safe on a production intranet; the full list, and the write probes, are under Diagnostics.
 */
export function ConnectionTest({
  host,
  mock,
  unsavedUrl,
}: {
  host: string;
  /** The saved Base URL is on this computer: name it Mock Jostle, not the tenant. */
  mock: boolean;
  /** The Base URL field holds another URL, not saved yet. */
  unsavedUrl?: boolean;
}) {
  const styles = useStyles();
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<ProbeReportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { refresh } = useAssistant();

  async function test() {
    setRunning(true);
    setError(null);
    try {
      setReport(await api.runProbes({ target: 'live', write: false }));
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setRunning(false);
      // A failing test puts the step in a warning state (and a passing one clears it).
      await refresh();
    }
  }

  const verdict = report && connectionVerdict(report);
  const target = mock ? 'Mock Jostle' : 'Jostle';
  return (
    <div className={styles.box} data-testid="connection-test">
      {unsavedUrl && (
        <Text data-testid="connection-test-unsaved">
          The Base URL above is not saved yet. Test connection still uses the saved one, <b>{host}</b>.
        </Text>
      )}
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
            label={`Asking ${target}…`}
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
      {report && verdict && (
        <MessageBar
          intent={verdict.passed ? (report.ok ? 'success' : 'warning') : 'error'}
          layout="multiline"
          data-testid="connection-test-result"
        >
          <MessageBarBody>
            <MessageBarTitle>
              {verdict.passed ? `${target} accepted the key` : 'Entra’s Test Connection would fail'}
            </MessageBarTitle>
            <span className={styles.tested} data-testid="connection-test-when">
              {host} · {when(report.finishedAt)}
              {mock && ' · Mock Jostle on this computer, not your tenant'}
            </span>
            {verdict.headline}
            {verdict.remedy && (
              <span className={styles.remedy} data-testid="connection-test-remedy">
                <strong>What to do: </strong>
                <InlineMarkdown text={verdict.remedy} />
              </span>
            )}
            {verdict.sameCause.length > 0 && (
              <span className={styles.remedy} data-testid="connection-test-same-cause">
                {verdict.sameCause.length === 1
                  ? `1 other check failed for the same reason: ${verdict.sameCause[0]!.title}.`
                  : `${verdict.sameCause.length} other checks failed for the same reason: ${verdict.sameCause
                      .map((probe) => probe.title)
                      .join(', ')}.`}
              </span>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {verdict && verdict.otherProblems.length > 0 && (
        <ProbeResultList key={report?.finishedAt} probes={verdict.otherProblems} collapsed />
      )}
    </div>
  );
}
