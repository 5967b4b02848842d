/**
 * The proxy sign-in prompt: main pushes `asked` on the proxySignIn channel when a proxy wants a user name
 * and password (Basic or Digest) that is not saved or was refused; the admin answers or cancels here, for
 * every request waiting on that proxy. Mounted once for the whole window. The password is held only while
 * the dialog is open: it goes to main with the answer and the field is emptied at once.
 */
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ProxySignInPrompt } from '../../shared/api/events';
import { api } from '../api/client';
import { subscribe } from '../api/events';
import { messageOf } from '../text';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  facts: { margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 12px' },
  term: { color: tokens.colorNeutralForeground3 },
});

export function ProxySignInDialog() {
  const styles = useStyles();
  const [prompt, setPrompt] = useState<ProxySignInPrompt | null>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = useRef<string | null>(null);
  const show = (next: ProxySignInPrompt | null) => {
    shown.current = next?.promptId ?? null;
    setPrompt(next);
    setPassword('');
    setError(null);
  };

  useEffect(() => {
    const controller = new AbortController();
    subscribe(
      'proxySignIn',
      (event) => {
        if (event.type === 'asked') show(event.prompt);
        else if (shown.current === event.promptId) {
          show(null);
          // Another proxy or realm may still be waiting: show it next.
          void api.getProxySignInPrompt({}).then((next) => next && show(next));
        }
      },
      {
        signal: controller.signal,
        // A prompt asked before this window listened is not replayed: read the open one.
        onConnected: () => void api.getProxySignInPrompt({}).then((open) => open && show(open)),
      },
    );
    return () => controller.abort();
  }, []);

  if (!prompt) return null;

  async function answer(credentials: { username: string; password: string; remember: boolean } | null) {
    if (!prompt) return;
    setBusy(true);
    setError(null);
    try {
      await api.answerProxySignIn({ promptId: prompt.promptId, credentials });
      if (shown.current === prompt.promptId) show(null);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const entered = { username: username.trim(), password, remember };
    // Out of React state before the call: the password must not outlive the answer.
    setPassword('');
    void answer(entered);
  }

  return (
    <Dialog
      open
      modalType="modal"
      onOpenChange={(_event, data) => {
        if (!data.open && !busy) void answer(null);
      }}
    >
      <DialogSurface aria-describedby="proxy-sign-in-why" data-testid="proxy-sign-in-dialog">
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>Sign in to the proxy</DialogTitle>
            <DialogContent className={styles.content}>
              <Text id="proxy-sign-in-why">
                {prompt.refused
                  ? 'The proxy did not accept that user name and password. Try again.'
                  : 'Requests to Jostle go through a proxy that asks for a user name and password.'}
              </Text>
              <dl className={styles.facts}>
                <dt className={styles.term}>Proxy</dt>
                <dd data-testid="proxy-sign-in-proxy">{prompt.proxy}</dd>
                <dt className={styles.term}>Realm</dt>
                <dd>{prompt.realm || '(none given)'}</dd>
                <dt className={styles.term}>Sign-in</dt>
                <dd>{prompt.scheme}</dd>
              </dl>
              <Field label="User name" required>
                <Input
                  value={username}
                  autoComplete="username"
                  onChange={(_event, data) => setUsername(data.value)}
                  data-testid="proxy-sign-in-username"
                />
              </Field>
              <Field label="Password" required>
                <Input
                  type="password"
                  value={password}
                  autoComplete="current-password"
                  onChange={(_event, data) => setPassword(data.value)}
                  data-testid="proxy-sign-in-password"
                />
              </Field>
              <Checkbox
                checked={remember}
                onChange={(_event, data) => setRemember(data.checked === true)}
                label="Remember on this computer (keychain)"
              />
              {error && (
                <MessageBar intent="error">
                  <MessageBarBody>{error}</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={busy || !username.trim() || !password}>
                Sign in
              </Button>
              <Button disabled={busy} onClick={() => void answer(null)}>
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
