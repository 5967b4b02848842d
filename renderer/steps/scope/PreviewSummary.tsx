import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ApiResponse } from '../../../shared/api/contract';
import { plural } from '../../text';

type Summary = NonNullable<ApiResponse<'getPreview'>['summary']>;

const useStyles = makeStyles({
  counts: { display: 'flex', gap: tokens.spacingHorizontalS },
  tile: {
    display: 'flex',
    flexDirection: 'column',
    flex: '1 1 0',
    minWidth: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    background: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  number: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: '28px' },
  label: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

function Tile({ value, label, testId }: { value: number; label: string; testId: string }) {
  const styles = useStyles();
  return (
    <div className={styles.tile}>
      <span className={styles.number} data-testid={testId}>
        {value.toLocaleString()}
      </span>
      <span className={styles.label}>{label}</span>
    </div>
  );
}

/** "6 users would get a Jostle account; 2 are disabled and would be skipped." — agreeing with the rows. */
export function wouldGetAccount(summary: Summary): string {
  const parts = [`${plural(summary.wouldCreate, 'user')} would get a Jostle account`];
  if (summary.inScopeButDisabled > 0) {
    parts.push(
      `${summary.inScopeButDisabled.toLocaleString()} ${summary.inScopeButDisabled === 1 ? 'is' : 'are'} disabled and would be skipped`,
    );
  }
  if (summary.withMappingFailures > 0) {
    parts.push(`${summary.withMappingFailures.toLocaleString()} would fail (see Mapping failures)`);
  }
  return `${parts.join('; ')}.`;
}

/** The counts, the assignments that point at nobody, and whom to assign first. */
export function PreviewSummary({ summary, syncAll }: { summary: Summary; syncAll: boolean }) {
  const styles = useStyles();
  return (
    <div className={styles.stack} data-testid="preview-summary">
      <div className={styles.counts}>
        <Tile value={summary.total} label="Users imported" testId="count-total" />
        <Tile value={summary.inScope} label="In scope" testId="count-in-scope" />
        <Tile value={summary.outOfScope} label="Out of scope" testId="count-out-of-scope" />
        <Tile value={summary.inScopeButDisabled} label="In scope, disabled" testId="count-disabled" />
        <Tile value={summary.withMappingFailures} label="Mapping failures" testId="count-failures" />
      </div>
      {/* Assignment advice is for "assigned only": under Sync all, assignments decide nothing. */}
      {!syncAll && summary.unresolvedAssignments.length > 0 && (
        <MessageBar intent="warning" data-testid="unresolved-assignments">
          <MessageBarBody>
            <MessageBarTitle>Assigned, but not in the user list</MessageBarTitle>
            {summary.unresolvedAssignments.join(', ')}. Download the users again if they are new.
          </MessageBarBody>
        </MessageBar>
      )}
      {!syncAll && summary.startSmall.length > 0 && (
        <MessageBar intent="info" data-testid="start-small">
          <MessageBarBody>
            <MessageBarTitle>Start small</MessageBarTitle>
            Assign just {summary.startSmall.length === 1 ? 'this user' : 'these two users'} to the Jostle app
            in Entra first: <b>{summary.startSmall.join(' and ')}</b>. Picked because{' '}
            {summary.startSmall.length === 1 ? 'this user is' : 'they are'} in scope, enabled and map cleanly,
            and members rather than guests where the list has them (a guest arrives in Jostle as
            alias@theirdomain, not the name Entra lists). Check them in Jostle, then assign the rest.
          </MessageBarBody>
        </MessageBar>
      )}
      {summary.inScope === 0 && (
        <Text>
          {syncAll
            ? 'Nobody is in scope yet: no user passes the scoping filters.'
            : 'Nobody is in scope yet. With “assigned only”, import who is assigned to the app, or change the filters.'}
        </Text>
      )}
      <Text size={200} data-testid="would-create">
        {wouldGetAccount(summary)} Select a user for details.
      </Text>
    </div>
  );
}
