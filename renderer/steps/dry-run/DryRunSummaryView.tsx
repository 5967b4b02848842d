import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
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
import type { DryRunStatusView } from '../../../shared/api/contract';
import { lookupEntraError } from '../../../shared/entra-errors';
import { latestCycleState } from '../../../shared/provisioning/latest-cycle';
import { describeInitialCycleEstimate } from '../../../shared/provisioning/cycle-estimate';
import { runTargetWords } from '../../../shared/provisioning/run-target';
import { InlineMarkdown } from '../../components/InlineMarkdown';
import { plural } from '../../text';

type Summary = NonNullable<DryRunStatusView['summary']>;

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  number: { textAlign: 'right' },
  failed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  nowrap: { whiteSpace: 'nowrap' },
});

const columns = ['Create', 'Update', 'Disable', 'Delete'] as const;

function settingsText(settings: NonNullable<Summary['settings']>): string {
  const actions = (['create', 'update', 'delete'] as const).filter(
    (action) => settings.targetObjectActions[action],
  );
  return [
    `Target Object Actions: ${actions.length ? actions.join(', ') : 'none'}`,
    `SkipOutOfScopeDeletions ${settings.skipOutOfScopeDeletions ? 'on' : 'off'}`,
    settings.deletionThreshold === null
      ? 'accidental-deletion prevention off'
      : `accidental-deletion threshold ${settings.deletionThreshold}`,
  ].join(' · ');
}

function ErrorCards({ errors }: { errors: readonly Summary['firstErrors'][number][] }) {
  const codes = [...new Set(errors.map((error) => error.errorCode))];
  return codes.map((code) => {
    const help = lookupEntraError(code);
    const examples = errors.filter((error) => error.errorCode === code).slice(0, 3);
    // The exact causes the target gave (e.g. "Required attribute 'name.familyName' is missing or empty"):
    // more use than the catalogue's general advice alone, so they come first.
    const messages = [...new Set(examples.map((error) => error.message))];
    return (
      <MessageBar key={code} intent="warning" style={{ marginTop: 8 }} data-testid={`dry-run-error-${code}`}>
        <MessageBarBody>
          <MessageBarTitle>
            {code}: {help.title}
          </MessageBarTitle>
          {messages.length === 1 && (
            <Text block data-testid="dry-run-error-cause">
              <b>Cause:</b> {messages[0]}
            </Text>
          )}
          {messages.length > 1 && (
            <Text block data-testid="dry-run-error-cause">
              <b>Causes Jostle gave:</b> {messages.join(' · ')}
            </Text>
          )}
          <Text block>{help.likelyCause}</Text>
          <Text block>
            <b>Fix:</b> <InlineMarkdown text={help.fix} />
          </Text>
          <Text block size={200}>
            For example: {examples.map((error) => `${error.user} (${error.action})`).join(', ')}
          </Text>
        </MessageBarBody>
      </MessageBar>
    );
  });
}

function Headline({ summary }: { summary: Summary }) {
  const state = latestCycleState(summary);
  const cycle = state.latest?.cycle ?? 1;
  const prefix = summary.cycles.length > 1 ? `Cycle ${cycle}: ` : '';
  if (state.quarantine) {
    return (
      <MessageBar intent="error" data-testid="dry-run-quarantine">
        <MessageBarBody>
          <MessageBarTitle>
            {prefix}Entra would put the job in quarantine ({state.quarantine.reason})
          </MessageBarTitle>
          {state.quarantine.explanation}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const failures = state.failures;
  return (
    <MessageBar intent={failures === 0 ? 'success' : 'warning'} data-testid="dry-run-verdict">
      <MessageBarBody>
        <MessageBarTitle>
          {prefix}
          {failures === 0 ? 'Every user went through' : `${plural(failures, 'user operation')} failed`}
        </MessageBarTitle>
        {state.earlierQuarantine && (
          <>
            Cycle {state.earlierQuarantine.cycle} would have put the job in quarantine (
            {state.earlierQuarantine.verdict.reason}); this cycle did not, so the cause looks fixed. In Entra
            a quarantined job runs less often until a cycle succeeds: after fixing the cause, select{' '}
            <b>Restart provisioning</b> to retry at once.{' '}
          </>
        )}
        {runTargetWords(summary.target, summary.targetHost).title}.{' '}
        {describeInitialCycleEstimate(summary.estimate)}
      </MessageBarBody>
    </MessageBar>
  );
}

export function DryRunSummaryView({ summary }: { summary: Summary }) {
  const styles = useStyles();
  const state = latestCycleState(summary);
  const latestCycle = state.latest?.cycle;
  return (
    <div className={styles.stack} data-testid="dry-run-summary">
      <Title3 as="h2" data-testid="dry-run-result-title">
        Result: {runTargetWords(summary.target, summary.targetHost).title}
      </Title3>
      <Headline summary={summary} />
      {summary.cycles
        .filter((cycle) => cycle.earlyWarning)
        .map((cycle) => (
          <MessageBar key={cycle.cycle} intent="warning" data-testid={`dry-run-early-warning-${cycle.cycle}`}>
            <MessageBarBody>
              <MessageBarTitle>Cycle {cycle.cycle}: our early warning</MessageBarTitle>
              {cycle.earlyWarning}
            </MessageBarBody>
          </MessageBar>
        ))}
      {summary.settings && (
        <Text size={200} data-testid="dry-run-settings">
          {summary.patchDialect === 'aadOptscim062020' ? 'PATCH format aadOptscim062020 · ' : ''}
          {settingsText(summary.settings)}
        </Text>
      )}
      <Table size="small" aria-label="Cycles" data-testid="dry-run-cycles">
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: '136px' }}>Cycle</TableHeaderCell>
            {columns.map((action) => (
              <TableHeaderCell key={action}>{action}d</TableHeaderCell>
            ))}
            <TableHeaderCell>Skipped</TableHeaderCell>
            <TableHeaderCell>Failed</TableHeaderCell>
            <TableHeaderCell>Requests</TableHeaderCell>
            <TableHeaderCell>Time</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {summary.cycles.map((cycle) => {
            const failed = Object.values(cycle.counts).reduce((sum, byStatus) => sum + byStatus.Failure, 0);
            const skipped = Object.values(cycle.counts).reduce((sum, byStatus) => sum + byStatus.Skipped, 0);
            return (
              <TableRow key={cycle.cycle} data-testid={`dry-run-cycle-${cycle.cycle}`}>
                <TableCell className={styles.nowrap}>
                  {cycle.cycle} · {cycle.kind}
                  {cycle.cancelled ? ' (cancelled)' : ''}
                </TableCell>
                {columns.map((action) => (
                  <TableCell key={action} data-testid={`cycle-${cycle.cycle}-${action}`}>
                    {cycle.counts[action].Success.toLocaleString()}
                  </TableCell>
                ))}
                <TableCell>{skipped.toLocaleString()}</TableCell>
                <TableCell
                  className={failed > 0 ? styles.failed : undefined}
                  data-testid={`cycle-${cycle.cycle}-failed`}
                >
                  {failed.toLocaleString()}
                </TableCell>
                <TableCell>{cycle.requests.toLocaleString()}</TableCell>
                <TableCell>{(cycle.durationMs / 1000).toFixed(1)} s</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {state.currentErrors.length > 0 && (
        <div data-testid="dry-run-errors">
          <Title3 as="h3">
            What went wrong{summary.cycles.length > 1 ? ` in cycle ${latestCycle}` : ''}, and what to do
          </Title3>
          <ErrorCards errors={state.currentErrors} />
        </div>
      )}
      {state.earlierErrors.length > 0 && (
        <details data-testid="dry-run-earlier-errors">
          <summary>
            Earlier cycles: {plural(state.earlierErrors.length, 'error')} (history
            {state.currentErrors.length === 0 ? '; the latest cycle had none' : ''})
          </summary>
          <ErrorCards errors={state.earlierErrors} />
        </details>
      )}
    </div>
  );
}
