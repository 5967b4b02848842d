import {
  Button,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import type { DryRunLogEntryView } from '../../../shared/api/contract';

const useStyles = makeStyles({
  panel: {
    marginTop: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorNeutralBackground1,
  },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
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

/** One log entry: what Entra would change for this user, and the requests behind it (token-free). */
export function DryRunEntryDetails({ entry, onClose }: { entry: DryRunLogEntryView; onClose(): void }) {
  const styles = useStyles();
  return (
    <section className={styles.panel} data-testid="dry-run-entry">
      <div className={styles.header}>
        <Title3 as="h3" style={{ flexGrow: 1 }}>
          {entry.action} {entry.userPrincipalName}: {entry.status}
          {entry.errorCode ? ` (${entry.errorCode})` : ''}
        </Title3>
        <Button appearance="subtle" icon={<Dismiss20Regular />} aria-label="Close" onClick={onClose} />
      </div>
      <Text block>{entry.message}</Text>
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
        <div key={index} className={styles.code}>
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
    </section>
  );
}
