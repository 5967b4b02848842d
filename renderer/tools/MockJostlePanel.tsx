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
import { CopyButton } from '../components/CopyButton';
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

export function MockJostlePanel() {
  const styles = useStyles();
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
        {status?.running && status.baseUrl && status.token && (
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
              <Text className={styles.value}>{status.token}</Text>
              <CopyButton value={status.token} label="Copy token" />
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
