import {
  Badge,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiResponse } from '../../shared/api/contract';
import { formatDate } from '../../shared/format/date-time';
import { api } from '../api/client';
import { InlineMarkdown } from '../components/InlineMarkdown';
import { messageOf } from '../text';

type NetworkView = ApiResponse<'getNetworkSettings'>;
type RouteCheck = ApiResponse<'checkNetworkRoute'>;

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  subheading: { margin: `${tokens.spacingVerticalM} 0 0` },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  facts: { margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 12px' },
});

const TRUST_NAMES: Record<string, string> = {
  bundled: 'Node’s built-in roots',
  system: 'this computer’s certificate store',
  NODE_EXTRA_CA_CERTS: 'NODE_EXTRA_CA_CERTS',
  file: 'your certificate file',
};

/** Which way requests go and what the proxy said, plus the proxy sign-in (Node modes). */
export function ProxySignIn({
  network,
  onChange,
}: {
  network: NetworkView;
  onChange: (view: NetworkView) => void;
}) {
  const styles = useStyles();
  const [proxy, setProxy] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [check, setCheck] = useState<RouteCheck | null>(null);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  const saved = network.proxyCredentials;
  return (
    <div className={styles.block} data-testid="network-route">
      <Text data-testid="network-stack">
        Sent by:{' '}
        <b>
          {network.stack === 'chromium'
            ? 'Chromium’s network stack (as your browser)'
            : 'Node.js (browser mode and command line)'}
        </b>
      </Text>
      <Text size={200} data-testid="network-trust-store">
        Certificates checked against: {network.trustStore}
      </Text>

      <div className={styles.row}>
        <Button
          disabled={busy}
          data-testid="check-route"
          onClick={() => void run(async () => setCheck(await api.checkNetworkRoute({})))}
        >
          Check the way to Jostle
        </Button>
        <Text size={200} className={styles.muted}>
          Asks your saved Base URL once, without the API key.
        </Text>
      </div>
      {check && (
        <dl className={styles.facts} data-testid="route-check">
          <dt>Path</dt>
          <dd data-testid="route-check-route">{check.route}</dd>
          <dt>Trusted</dt>
          <dd>{check.trustSources.map((source) => TRUST_NAMES[source] ?? source).join(', ')}</dd>
          <dt>Answer</dt>
          <dd data-testid="route-check-answer">
            {check.proxyAnswer ? (
              <Badge appearance="tint" color="warning">
                Proxy {check.proxyAnswer.proxy}: {check.proxyAnswer.status}{' '}
                {check.proxyAnswer.schemes.join(', ') || 'no scheme named'}
              </Badge>
            ) : check.status !== null ? (
              <Badge appearance="tint" color="success">
                Server: HTTP {check.status}
              </Badge>
            ) : (
              <Badge appearance="tint" color="danger">
                No answer
              </Badge>
            )}{' '}
            <InlineMarkdown text={check.message} />
          </dd>
        </dl>
      )}

      <Subtitle2 as="h3" className={styles.subheading}>
        Proxy sign-in
      </Subtitle2>
      <Text className={styles.muted}>
        {network.stack === 'chromium'
          ? 'Proxies that use your Windows or macOS sign-in (Negotiate, NTLM) work without this. For a proxy that asks for a user name and password, save them here; the app answers the proxy with them.'
          : 'For a proxy that asks for a user name and password (Basic). Proxies that use your Windows or macOS sign-in (Negotiate, NTLM) need the desktop app.'}{' '}
        Kept in the keychain, sent only to this proxy.
      </Text>
      {error && (
        <MessageBar intent="error" data-testid="proxy-sign-in-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {network.proxyCredentialsProblem && (
        <MessageBar intent="warning">
          <MessageBarBody>{network.proxyCredentialsProblem}</MessageBarBody>
        </MessageBar>
      )}
      {saved ? (
        <div className={styles.row} data-testid="proxy-sign-in-saved">
          <Text>
            Saved for <b>{saved.proxy}</b> as <b>{saved.username}</b>, {formatDate(saved.savedAt)}
          </Text>
          <Button
            disabled={busy}
            data-testid="forget-proxy-sign-in"
            onClick={() => void run(async () => onChange(await api.forgetProxyCredentials({})))}
          >
            Forget
          </Button>
        </div>
      ) : (
        <form
          className={styles.row}
          onSubmit={(event) => {
            event.preventDefault();
            void run(async () => {
              onChange(await api.saveProxyCredentials({ proxy, username, password }));
              setPassword('');
            });
          }}
        >
          <Field label="Proxy (host:port)">
            <Input value={proxy} onChange={(_e, data) => setProxy(data.value)} data-testid="proxy-address" />
          </Field>
          <Field label="User name">
            <Input
              value={username}
              autoComplete="username"
              onChange={(_e, data) => setUsername(data.value)}
              data-testid="proxy-username"
            />
          </Field>
          <Field label="Password">
            <Input
              type="password"
              value={password}
              autoComplete="current-password"
              onChange={(_e, data) => setPassword(data.value)}
              data-testid="proxy-password"
            />
          </Field>
          <Button
            type="submit"
            appearance="primary"
            disabled={busy || !proxy.trim() || !username || !password}
            data-testid="save-proxy-sign-in"
          >
            Save sign-in
          </Button>
        </form>
      )}
    </div>
  );
}
