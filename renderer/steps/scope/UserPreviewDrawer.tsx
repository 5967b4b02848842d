import {
  Badge,
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  OverlayDrawer,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Checkmark16Filled, Dismiss16Filled, Dismiss24Regular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { ApiResponse } from '../../../shared/api/contract';
import { api } from '../../api/client';
import { CopyButton } from '../../components/CopyButton';
import { messageOf } from '../../text';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  line: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  pass: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  fail: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  code: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    background: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    overflowX: 'auto',
    whiteSpace: 'pre',
  },
});

type UserPreview = ApiResponse<'getUserPreview'>;

/** One user: why they are in or out of scope, clause by clause, and the exact POST body for Jostle. */
export function UserPreviewDrawer({ objectId, onClose }: { objectId: string | null; onClose(): void }) {
  const styles = useStyles();
  // Answers are kept with the user they belong to, so a slow answer never shows under another user.
  const [loaded, setLoaded] = useState<{ id: string; preview?: UserPreview; error?: string } | null>(null);

  useEffect(() => {
    if (!objectId) return;
    let current = true;
    api.getUserPreview({ objectId }).then(
      (answer) => current && setLoaded({ id: objectId, preview: answer }),
      (failure: unknown) => current && setLoaded({ id: objectId, error: messageOf(failure) }),
    );
    return () => {
      current = false;
    };
  }, [objectId]);

  const preview = loaded?.id === objectId ? (loaded.preview ?? null) : null;
  const error = loaded?.id === objectId ? (loaded.error ?? null) : null;
  const row = preview?.row;
  const body = preview?.payload ? JSON.stringify(preview.payload, null, 2) : null;
  return (
    <OverlayDrawer
      position="end"
      size="medium"
      open={objectId !== null}
      onOpenChange={(_event, data) => !data.open && onClose()}
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button appearance="subtle" aria-label="Close" icon={<Dismiss24Regular />} onClick={onClose} />
          }
        >
          {row?.displayName ?? row?.userPrincipalName ?? 'User'}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={styles.body} data-testid="user-preview">
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {!preview && !error && <Spinner size="small" label="Working it out…" />}
        {row && preview && (
          <>
            <div className={styles.section}>
              <Text className={styles.muted}>{row.userPrincipalName}</Text>
              <div className={styles.line}>
                <Badge color={row.inScope ? 'success' : 'informative'} data-testid="user-preview-scope">
                  {row.inScope ? 'In scope' : 'Out of scope'}
                </Badge>
                {!row.activeInSource && <Badge color="warning">Disabled in Entra</Badge>}
              </div>
              <Text data-testid="user-preview-decided">{row.decidedBy}</Text>
              {preview.viaGroups.length > 0 && (
                <Text size={200}>Assigned through: {preview.viaGroups.join(', ')}</Text>
              )}
            </div>
            {preview.clauses.length > 0 && (
              <div className={styles.section} data-testid="user-preview-clauses">
                <Text weight="semibold">Scoping clauses</Text>
                {preview.clauses.map((outcome, index) => (
                  <div key={index} className={styles.line}>
                    {outcome.result ? (
                      <Checkmark16Filled className={styles.pass} aria-label="true" />
                    ) : (
                      <Dismiss16Filled className={styles.fail} aria-label="false" />
                    )}
                    <code>{outcome.clause}</code>
                    {!outcome.result && (
                      <Text size={200} className={styles.muted} data-testid="user-preview-clause-value">
                        {outcome.value === null
                          ? `(${outcome.attribute} is empty)`
                          : `(${outcome.attribute} is "${outcome.value}")`}
                      </Text>
                    )}
                  </div>
                ))}
              </div>
            )}
            {row.notes.length > 0 && (
              <MessageBar intent="info" data-testid="user-preview-notes">
                <MessageBarBody>
                  {row.notes.map((note) => (
                    <div key={note}>{note}</div>
                  ))}
                </MessageBarBody>
              </MessageBar>
            )}
            {row.failures.length > 0 && (
              <MessageBar intent="error">
                <MessageBarBody>
                  Mappings that fail for this user (Entra would report them in its provisioning logs):{' '}
                  {row.failures.join('; ')}
                </MessageBarBody>
              </MessageBar>
            )}
            {row.inScope && !row.activeInSource ? (
              <div className={styles.section} data-testid="user-preview-disabled">
                <Text weight="semibold">Not created: disabled in Entra</Text>
                <Text>
                  Entra skips a disabled user it has not created yet. Were this user already in Jostle, Entra
                  would deactivate them (send <code>active: false</code>) instead.
                </Text>
              </div>
            ) : (
              <div className={styles.section}>
                <div className={styles.line}>
                  <Text weight="semibold">What Entra would send: POST /Users</Text>
                  {body && <CopyButton value={body} label="Copy the JSON" testId="copy-payload" />}
                </div>
                {body ? (
                  <pre className={styles.code} data-testid="user-preview-payload">
                    {body}
                  </pre>
                ) : (
                  <Text className={styles.muted}>
                    Nothing: Entra does not create users who are out of scope.
                  </Text>
                )}
                <Text size={200} className={styles.muted}>
                  Built with the saved attribute mappings, as for a new user.
                </Text>
              </div>
            )}
          </>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}
