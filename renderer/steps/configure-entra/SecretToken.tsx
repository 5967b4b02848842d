import {
  Button,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Copy20Regular, Eye20Regular, EyeOff20Regular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { CopyApiKeyResult } from '../../../shared/api/contracts/entra-handoff';
import { formatTime } from '../../../shared/format/date-time';
import { api } from '../../api/client';
import { useNavigation } from '../../components/navigation';
import { useAssistant } from '../../state/assistant-state';
import { messageOf } from '../../text';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  outcome: { marginTop: tokens.spacingVerticalS },
  revealed: { marginTop: tokens.spacingVerticalS, display: 'flex', gap: tokens.spacingHorizontalS },
  key: { flexGrow: 1, fontFamily: tokens.fontFamilyMonospace },
  countdown: { color: tokens.colorNeutralForeground3, alignSelf: 'center', whiteSpace: 'nowrap' },
});

/**
 * Gets the saved key into Entra's Secret Token field. "Copy secret token" asks main to put the key on the
 * clipboard (the window never receives it). "Reveal" is the one exception: on the admin's click only, main
 * sends the key, shown here for the number of seconds main says (30), then dropped from the page.
 */
export function SecretToken() {
  const styles = useStyles();
  const { connection, appInfo } = useAssistant();
  // Browser mode never sends the key to the page (any holder of the session token could ask for it), so
  // Reveal is the desktop app's alone: say so up front rather than offer a button that is refused.
  const browserMode = appInfo?.transport === 'browser';
  const [copy, setCopy] = useState<CopyApiKeyResult | { error: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [revealed, setRevealed] = useState<{ key: string; hideAt: number } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [revealError, setRevealError] = useState<string | null>(null);
  const { openTool } = useNavigation();
  // Browser mode: signed in to Microsoft Graph with the Jostle app read, main can send the key to Entra
  // itself (Graph's …/synchronization/secrets), the one hand-over that works on a headless server.
  const [graphReady, setGraphReady] = useState<string | null>(null);
  useEffect(() => {
    if (!browserMode) return;
    let live = true;
    void api.graphGetView({}).then(
      (view) => live && setGraphReady(view.identity && view.lastPull ? view.lastPull.appName : null),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [browserMode]);

  // One timer drops the key from state (and so from the page) when its time is up; a second one only
  // refreshes the countdown. Leaving the step unmounts this component, which drops the key as well.
  const hideAt = revealed?.hideAt ?? null;
  useEffect(() => {
    if (hideAt === null) return;
    const hide = setTimeout(() => setRevealed(null), Math.max(0, hideAt - Date.now()));
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearTimeout(hide);
      clearInterval(tick);
    };
  }, [hideAt]);

  if (!connection?.key.saved) {
    return (
      <MessageBar intent="warning" data-testid="secret-token-missing">
        <MessageBarBody>
          No API key is saved. Save it on <b>Jostle Base URL and API key</b> first; if Jostle no longer shows
          it, add a new key there.
        </MessageBarBody>
      </MessageBar>
    );
  }

  async function copyKey() {
    setBusy(true);
    try {
      setCopy(await api.copyApiKey({}));
    } catch (error) {
      setCopy({ error: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  async function reveal() {
    setRevealError(null);
    try {
      const answer = await api.revealApiKey({ confirm: true });
      // One timestamp for both: two Date.now() calls a millisecond apart made the countdown start at 31 s.
      const revealedAt = Date.now();
      setNow(revealedAt);
      setRevealed({ key: answer.apiKey, hideAt: revealedAt + answer.hideAfterSeconds * 1000 });
    } catch (error) {
      setRevealError(messageOf(error));
    }
  }

  return (
    <div>
      {browserMode && (
        <Text as="p" data-testid="secret-token-browser">
          {graphReady ? (
            <>
              You are signed in to Microsoft Graph: the assistant can save the key in <b>{graphReady}</b> for
              you (it goes from the keychain to Entra, not through this page).
            </>
          ) : (
            <>
              This page never receives the key. Paste the key you copied from Jostle when you added it, or
              open the desktop app, which can copy or show it. Signed in to Microsoft Graph, the assistant can
              also save it in Entra for you.
            </>
          )}
        </Text>
      )}
      <div className={styles.actions}>
        {browserMode && graphReady && (
          <Button appearance="primary" onClick={() => openTool('entra')} data-testid="secret-token-graph">
            Save it in Entra with Microsoft Graph
          </Button>
        )}
        <Button
          // Copying needs a desktop session on the computer running the assistant: in browser mode it is
          // a second choice, never the primary action.
          appearance={browserMode ? 'secondary' : 'primary'}
          data-appearance={browserMode ? 'secondary' : 'primary'}
          icon={<Copy20Regular />}
          disabled={busy}
          onClick={() => void copyKey()}
          data-testid="copy-secret-token"
        >
          Copy secret token
        </Button>
        {browserMode ? null : revealed ? (
          <Button
            icon={<EyeOff20Regular />}
            onClick={() => setRevealed(null)}
            data-testid="hide-secret-token"
          >
            Hide
          </Button>
        ) : (
          <Button icon={<Eye20Regular />} onClick={() => void reveal()} data-testid="reveal-secret-token">
            Reveal
          </Button>
        )}
        <Text size={200} className={styles.countdown}>
          Fingerprint <code>{connection.key.fingerprint}</code>
        </Text>
      </div>

      {copy && 'copied' in copy && copy.copied && (
        <MessageBar
          intent="success"
          className={styles.outcome}
          data-testid="copy-outcome"
          data-outcome="copied"
        >
          <MessageBarBody>
            Copied. Paste it into <b>Secret Token</b> now: the assistant clears the clipboard at{' '}
            {copy.clearsAt ? formatTime(copy.clearsAt) : 'in a minute'} if the key is still on it.
          </MessageBarBody>
        </MessageBar>
      )}
      {copy && 'copied' in copy && !copy.copied && (
        <MessageBar
          intent="warning"
          className={styles.outcome}
          data-testid="copy-outcome"
          data-outcome="unavailable"
        >
          <MessageBarBody>
            <MessageBarTitle>Not copied</MessageBarTitle>
            <span data-testid="copy-problem">{copy.problem}</span>{' '}
            {browserMode ? (
              graphReady ? (
                'Use Save it in Entra with Microsoft Graph instead.'
              ) : (
                'Paste into Secret Token the key you copied from Jostle, or open the desktop app.'
              )
            ) : (
              <>
                Use <b>Reveal</b> and copy the key by hand.
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {copy && 'error' in copy && (
        <MessageBar intent="error" className={styles.outcome} data-testid="copy-outcome" data-outcome="error">
          <MessageBarBody>{copy.error}</MessageBarBody>
        </MessageBar>
      )}

      {revealed && (
        <div className={styles.revealed}>
          <Input
            readOnly
            className={styles.key}
            value={revealed.key}
            aria-label="API key"
            data-testid="revealed-key"
            onFocus={(event) => event.currentTarget.select()}
          />
          <Text className={styles.countdown} data-testid="reveal-countdown">
            Hides in {Math.max(1, Math.ceil((revealed.hideAt - now) / 1000))} s
          </Text>
        </div>
      )}
      {revealError && (
        <MessageBar intent="error" className={styles.outcome}>
          <MessageBarBody>{revealError}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
