import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  makeStyles,
  OverlayDrawer,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Dismiss24Regular } from '@fluentui/react-icons';
import type { DryRunLogEntryView } from '../../../shared/api/contract';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    background: tokens.colorNeutralBackground3,
    padding: tokens.spacingVerticalS,
    maxHeight: '220px',
    overflow: 'auto',
    margin: `${tokens.spacingVerticalXS} 0`,
  },
});

const show = (value: unknown) =>
  value === undefined || value === null
    ? '(empty)'
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

/**
 * One log entry in a drawer over the page: what Entra would change for this user, and the requests behind it
 * (token-free). A drawer is always in view whatever the window height; under a 360 px list a panel was not.
 */
export function DryRunEntryDetails({
  entry,
  onClose,
}: {
  entry: DryRunLogEntryView | null;
  onClose(): void;
}) {
  const styles = useStyles();
  return (
    <OverlayDrawer
      position="end"
      size="medium"
      open={entry !== null}
      onOpenChange={(_event, data) => !data.open && onClose()}
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button appearance="subtle" aria-label="Close" icon={<Dismiss24Regular />} onClick={onClose} />
          }
        >
          {entry && (
            <>
              {entry.action} {entry.userPrincipalName}: {entry.status}
              {entry.errorCode ? ` (${entry.errorCode})` : ''}
            </>
          )}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={styles.body} data-testid="dry-run-entry">
        {entry && <EntryBody entry={entry} />}
      </DrawerBody>
    </OverlayDrawer>
  );
}

function EntryBody({ entry }: { entry: DryRunLogEntryView }) {
  const styles = useStyles();
  return (
    <>
      <Text block>
        Cycle {entry.cycle} · {entry.message}
      </Text>
      {entry.targetId && (
        <Text block size={200}>
          Jostle id: {entry.targetId}
        </Text>
      )}
      {entry.diff.length > 0 && (
        <Table size="small" aria-label="Changes" data-testid="dry-run-diff">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Attribute</TableHeaderCell>
              <TableHeaderCell>Old value (in Jostle now)</TableHeaderCell>
              <TableHeaderCell>New value (Entra would set)</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {entry.diff.map((change) => (
              <TableRow key={change.attribute}>
                <TableCell>{change.attribute}</TableCell>
                <TableCell>{show(change.old)}</TableCell>
                <TableCell>{show(change.new)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {entry.requests.map((request, index) => (
        <div key={index} className={styles.code} tabIndex={0}>
          {`${request.method} ${request.path} → ${request.status ?? 'no answer'} (${Math.round(request.durationMs)} ms${request.attempts > 1 ? `, ${request.attempts} attempts` : ''})`}
          {request.error && `\n${request.error}`}
          {request.requestBody && `\nSent: ${request.requestBody}`}
          {request.responseBody && `\nAnswer: ${request.responseBody}`}
        </div>
      ))}
      {!entry.detailed && (
        <Text size={200}>
          Request bodies are kept for failures and the first successes of each cycle only.
        </Text>
      )}
    </>
  );
}
