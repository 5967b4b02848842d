import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { startTransition, useEffect, useState } from 'react';
import type { ImportStatus } from '../../../shared/api/contract';
import { api } from '../../api/client';
import { ImportCancelled } from '../../api/file-import';
import { ConfirmButton, type Confirmation } from '../../components/ConfirmButton';
import { FileDrop, type PickedFile } from './FileDrop';
import { ImportProgress } from './ImportProgress';
import { useFileImport } from './use-file-import';
import { messageOf, plural, sentence, when } from '../../text';

/** A made-up tenant replaces both imports: ask first when there is a real one to lose. */
function syntheticConfirmation(status: ImportStatus | null): Confirmation | null {
  if (!status?.users && !status?.assignments) return null;
  return {
    title: 'Replace your imports with a made-up tenant?',
    confirmLabel: 'Replace my imports',
    body: (
      <>
        200 made-up users replace{' '}
        {status.users && (
          <b>
            {plural(status.users.count, 'user')} from {status.users.fileName}
          </b>
        )}
        {status.users && status.assignments && ' and '}
        {status.assignments && <b>the assignments from {status.assignments.fileName}</b>}. To go back, import
        the file{status.users && status.assignments ? 's' : ''} again.
      </>
    ),
  };
}

function forgetConfirmation(status: ImportStatus | null): Confirmation {
  return {
    title: 'Forget the imported lists?',
    confirmLabel: 'Forget the lists',
    body: (
      <>
        The assistant removes{' '}
        {status?.users && (
          <b>
            {plural(status.users.count, 'user')} from {status.users.fileName}
          </b>
        )}
        {status?.users && status.assignments && ' and '}
        {status?.assignments && <b>the assignments from {status.assignments.fileName}</b>}. The Scope preview
        and the dry run have nothing to work on until you import again. Your files are not touched.
      </>
    ),
  };
}

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  status: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
  // The import being replaced: still readable, visibly on its way out.
  replaced: { color: tokens.colorNeutralForeground3, textDecorationLine: 'line-through' },
  format: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    background: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    overflowX: 'auto',
  },
});

const ASSIGNMENTS_SAMPLE = `type,id,displayName,memberType,memberId,appRole
User,ada@contoso.com,Ada Lovelace,,,User
Group,<group objectId>,Sales,User,grace@contoso.com,User`;

/** Imports the user list and the assignment list; a broken file changes nothing and says where. */
export function ImportPanel({ onImported }: { onImported(status: ImportStatus): void }) {
  const styles = useStyles();
  const [status, setStatus] = useState<ImportStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const imports = useFileImport();
  const [error, setError] = useState<{ title: string; message: string; cancelled: boolean } | null>(null);
  const [showFormat, setShowFormat] = useState(false);

  useEffect(() => {
    void api.getImportStatus({}).then(setStatus);
  }, []);

  async function run(title: string, call: () => Promise<ImportStatus>) {
    setBusy(true);
    setError(null);
    try {
      const next = await call();
      // A transition, so React renders the new counts and preview in slices the window can interrupt.
      startTransition(() => {
        setStatus(next);
        onImported(next);
      });
    } catch (failure) {
      setError({ title, message: messageOf(failure), cancelled: failure instanceof ImportCancelled });
    } finally {
      setBusy(false);
    }
  }

  // The files themselves go to the import (by path or streamed), never their text.
  const importUsers = (files: PickedFile[]) =>
    void run('The user list was not imported', () =>
      imports.start(
        'importUsers',
        files.map((picked) => picked.file),
      ),
    );
  const importAssignments = (files: PickedFile[]) =>
    void run('The assignment list was not imported', () =>
      imports.start(
        'importAssignments',
        files.slice(0, 1).map((picked) => picked.file),
      ),
    );
  const replacing =
    imports.run?.channel === 'importUsers' && status?.users
      ? `${plural(status.users.count, 'user')} from ${status.users.fileName}`
      : imports.run?.channel === 'importAssignments' && status?.assignments
        ? `the assignments from ${status.assignments.fileName}`
        : null;

  return (
    <div className={styles.stack} data-testid="import-panel">
      <FileDrop
        testId="users-file"
        label="Users"
        hint={
          <>
            The CSV from Entra’s <b>Users &gt; All users &gt; Download users</b>, or Graph /users JSON pages
          </>
        }
        accept=".csv,.json,text/csv,application/json"
        multiple
        disabled={busy}
        onFiles={importUsers}
      />
      <FileDrop
        testId="assignments-file"
        label="Who is assigned to the Jostle app"
        hint="CSV: one row per assigned user, one row per member of an assigned group"
        accept=".csv,text/csv"
        disabled={busy}
        onFiles={importAssignments}
      />
      <Text size={200} className={styles.muted}>
        Entra has no single export of assignments: list them from the app’s <b>Users and groups</b> page.{' '}
        <Button appearance="transparent" size="small" onClick={() => setShowFormat(!showFormat)}>
          {showFormat ? 'Hide the format' : 'Show the format'}
        </Button>
      </Text>
      {showFormat && (
        <pre className={styles.format} data-testid="assignments-format">
          {ASSIGNMENTS_SAMPLE}
          {'\n\n'}Users by objectId or user principal name. A member of type Group is a nested group: Entra
          {'\n'}does not provision its members. One header line, then one member a line.
        </pre>
      )}

      <ImportProgress run={imports.run} replacing={replacing} onCancel={imports.cancel} />
      {error && (
        <MessageBar intent={error.cancelled ? 'info' : 'error'} data-testid="import-error">
          <MessageBarBody>
            <MessageBarTitle>{error.title}</MessageBarTitle>
            {sentence(error.message)} Nothing was changed.
          </MessageBarBody>
        </MessageBar>
      )}
      {status?.warnings.map((warning) => (
        <MessageBar key={warning} intent="warning">
          <MessageBarBody>{warning}</MessageBarBody>
        </MessageBar>
      ))}

      <div className={styles.status} data-testid="import-status">
        {status?.users ? (
          <Text
            data-testid="import-users-status"
            className={replacing && imports.run?.channel === 'importUsers' ? styles.replaced : undefined}
          >
            <b>{plural(status.users.count, 'user')}</b> from {status.users.fileName} ·{' '}
            {when(status.users.importedAt)}
          </Text>
        ) : (
          <Text className={styles.muted}>No users imported yet.</Text>
        )}
        {status?.assignments && (
          <Text data-testid="import-assignments-status">
            <b>{plural(status.assignments.users, 'user')}</b> and{' '}
            <b>{plural(status.assignments.groups, 'group')}</b> assigned ({status.assignments.fileName})
          </Text>
        )}
      </div>
      <div className={styles.status}>
        <ConfirmButton
          size="small"
          disabled={busy}
          testId="try-synthetic"
          confirm={syntheticConfirmation(status)}
          onConfirm={() =>
            void run('The made-up tenant was not created', () =>
              api.generateSyntheticUsers({ count: 200, seed: 1 }),
            )
          }
        >
          Try with a made-up tenant
        </ConfirmButton>
        {(status?.users || status?.assignments) && (
          <ConfirmButton
            size="small"
            appearance="subtle"
            disabled={busy}
            testId="clear-imports"
            confirm={forgetConfirmation(status)}
            onConfirm={() => void run('The imports were not cleared', () => api.clearImports({}))}
          >
            Forget the imported lists
          </ConfirmButton>
        )}
      </div>
    </div>
  );
}
