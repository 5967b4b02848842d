import {
  Button,
  Card,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Play20Regular, Stop20Regular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { MockStatus } from '../../shared/api/contract';
import { api } from '../api/client';
import { isLoopbackUrl } from '../../shared/connection/validation';
import { ConfirmButton, type Confirmation } from '../components/ConfirmButton';
import { CopyButton } from '../components/CopyButton';
import { useAssistant } from '../state/assistant-state';
import { ToolLayout } from '../components/ToolLayout';
import { MockFaults } from './MockFaults';
import { MockRequestLog } from './MockRequestLog';
import { messageOf } from '../text';

const useStyles = makeStyles({
  card: { maxWidth: '820px', marginBottom: tokens.spacingVerticalL },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  value: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  label: { minWidth: '80px', color: tokens.colorNeutralForeground3 },
});

/** Asks first only when "Use in the wizard" would replace a key saved for a real tenant. */
function replaceTenantConfirmation(savedUrl: string | null, keySaved: boolean): Confirmation | null {
  if (!keySaved || !savedUrl || isLoopbackUrl(savedUrl)) return null;
  const host = new URL(savedUrl).host;
  return {
    title: `Replace the key saved for ${host}?`,
    confirmLabel: 'Use Mock Jostle',
    body: (
      <>
        The wizard’s Base URL and key become Mock Jostle’s. The key saved for <b>{host}</b> is removed from
        the keychain, and Jostle cannot show it again: to go back, add a new key in Jostle.
      </>
    ),
  };
}

export function MockJostlePanel() {
  const styles = useStyles();
  const { connection, setConnection } = useAssistant();
  const [usedInWizard, setUsedInWizard] = useState(false);
  const [status, setStatus] = useState<MockStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [count, setCount] = useState('25');

  useEffect(() => {
    void api.getMockStatus({}).then(setStatus);
  }, []);

  const run = (action: () => Promise<MockStatus>) => {
    setError(null);
    void action().then(setStatus, (failure: unknown) => setError(messageOf(failure)));
  };
  const wanted = Number(count);
  const countValid = Number.isInteger(wanted) && wanted >= 1 && wanted <= 100_000;

  return (
    <ToolLayout
      id="mock"
      title="Mock Jostle"
      intro="A stand-in for Jostle’s provisioning API that runs on this computer only. It answers the way Jostle does, so you can try mappings, scoping and whole provisioning cycles without touching your real intranet, and switch on faults to see what Entra would report."
    >
      <Card className={styles.card}>
        <div className={styles.row}>
          {status?.running ? (
            <Button
              icon={<Stop20Regular />}
              onClick={() => run(() => api.stopMock({}))}
              data-testid="mock-stop"
            >
              Stop
            </Button>
          ) : (
            <Button
              appearance="primary"
              icon={<Play20Regular />}
              onClick={() => run(() => api.startMock({}))}
              data-testid="mock-start"
            >
              Start Mock Jostle
            </Button>
          )}
          <Text data-testid="mock-state">
            {status?.running ? `Running · ${status.userCount} users` : 'Stopped'}
          </Text>
        </div>
        {status?.notice && (
          <MessageBar intent="warning" data-testid="mock-notice">
            <MessageBarBody>{status.notice}</MessageBarBody>
          </MessageBar>
        )}
        {status?.running && status.baseUrl && (status.token || status.tokenIsSavedKey) && (
          <>
            <div className={styles.row}>
              <Text className={styles.label}>Base URL</Text>
              <Text className={styles.value} data-testid="mock-base-url">
                {status.baseUrl}
              </Text>
              <CopyButton value={status.baseUrl} label="Copy Base URL" />
            </div>
            <div className={styles.row}>
              <Text className={styles.label}>Token</Text>
              {status.token ? (
                <>
                  <Text className={styles.value}>{status.token}</Text>
                  <CopyButton value={status.token} label="Copy token" />
                </>
              ) : (
                <Text data-testid="mock-token-saved">
                  the API key saved in the wizard (it stays in the keychain)
                </Text>
              )}
            </div>
            <div className={styles.row}>
              {connection?.key.saved && connection.baseUrl === status.baseUrl ? (
                <Text data-testid="mock-in-wizard">
                  The wizard uses this Mock Jostle: its Base URL and key are saved on{' '}
                  <b>Jostle Base URL and API key</b>.
                </Text>
              ) : (
                <ConfirmButton
                  testId="mock-use-in-wizard"
                  confirm={replaceTenantConfirmation(
                    connection?.baseUrl ?? null,
                    connection?.key.saved ?? false,
                  )}
                  onConfirm={() => {
                    setError(null);
                    void api.useMockInWizard({}).then(
                      (saved) => (setConnection(saved), setUsedInWizard(true)),
                      (failure: unknown) => setError(messageOf(failure)),
                    );
                  }}
                >
                  Use in the wizard
                </ConfirmButton>
              )}
              {usedInWizard && (
                <Text data-testid="mock-used-in-wizard">
                  Saved as the wizard’s Base URL and key. Before setting up Entra, save your tenant’s instead.
                </Text>
              )}
            </div>
            <div className={styles.row}>
              <Field
                label="Add synthetic users"
                validationMessage={countValid ? undefined : 'Enter 1 to 100,000.'}
              >
                <Input
                  value={count}
                  onChange={(_event, data) => setCount(data.value)}
                  type="number"
                  min={1}
                  max={100000}
                />
              </Field>
              <Button
                disabled={!countValid}
                onClick={() => run(() => api.generateMockUsers({ count: wanted }))}
                data-testid="mock-generate"
              >
                Add users
              </Button>
              <Button onClick={() => run(() => api.resetMock({}))} data-testid="mock-reset">
                Remove all users
              </Button>
            </div>
          </>
        )}
      </Card>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {status?.running && (
        <>
          <MockFaults
            faults={status.faults}
            onChange={(faults) => run(() => api.setMockFaults({ faults }))}
          />
          <MockRequestLog />
        </>
      )}
    </ToolLayout>
  );
}
