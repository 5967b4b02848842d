import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import {
  PROVISIONING_ACTIONS,
  PROVISIONING_STATUSES,
  type ProvisioningLogSummary,
} from '../../../shared/provisioning-logs';
import { ErrorCodeList } from './ErrorCodeList';
import { formatUtc } from './format';

const useStyles = makeStyles({
  root: {
    marginTop: tokens.spacingVerticalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  heading: { display: 'block' },
  muted: { color: tokens.colorNeutralForeground3 },
  groups: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalL },
  group: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    background: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  counts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXS,
  },
  count: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: '64px',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorNeutralBackground3,
  },
  // Muted but readable: an opacity fade took zero counts below 4.5:1 contrast.
  zero: { color: tokens.colorNeutralForeground3 },
  number: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  failure: { color: tokens.colorPaletteRedForeground1 },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

function Counts({ kind, counts }: { kind: 'action' | 'status'; counts: Record<string, number> }) {
  const styles = useStyles();
  const keys = kind === 'action' ? PROVISIONING_ACTIONS : PROVISIONING_STATUSES;
  return (
    <div className={styles.counts}>
      {keys.map((key) => (
        <div key={key} className={counts[key] ? styles.count : `${styles.count} ${styles.zero}`}>
          <Text
            className={
              key === 'Failure' && counts[key] ? `${styles.number} ${styles.failure}` : styles.number
            }
            data-testid={`count-${kind}-${key}`}
          >
            {counts[key] ?? 0}
          </Text>
          <Text size={200}>{key}</Text>
        </div>
      ))}
    </div>
  );
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function LogSummary(props: { fileName: string; summary: ProvisioningLogSummary; warnings: string[] }) {
  const styles = useStyles();
  const { summary } = props;
  const { quarantine } = summary;
  const skipped = Object.entries(summary.skippedByCode);
  return (
    <div className={styles.root} data-testid="log-summary">
      <div>
        <Subtitle2 as="h3" className={styles.heading}>
          {props.fileName}: {plural(summary.total, 'event')}
        </Subtitle2>
        <Text className={styles.muted} data-testid="log-time-range">
          {summary.timeRange
            ? `${formatUtc(summary.timeRange.from)} to ${formatUtc(summary.timeRange.to)} (UTC)`
            : 'No events'}
          {' · '}
          {plural(summary.cycles.length, 'cycle')}
          {summary.jobIds.length > 1 && ` · ${summary.jobIds.length} provisioning jobs`}
        </Text>
      </div>

      {props.warnings.map((warning) => (
        <MessageBar key={warning} intent="info">
          <MessageBarBody>{warning}</MessageBarBody>
        </MessageBar>
      ))}

      {quarantine.signals.length > 0 ? (
        <MessageBar
          intent={quarantine.likely ? 'error' : 'warning'}
          layout="multiline"
          data-testid="quarantine-signals"
        >
          <MessageBarBody>
            <MessageBarTitle>
              {quarantine.likely ? 'Quarantine risk: check the provisioning page' : 'Worth watching'}
            </MessageBarTitle>
            <ul className={styles.list}>
              {quarantine.signals.map((signal) => (
                <li key={signal.kind}>
                  {signal.severity === 'high' && <b>Serious: </b>}
                  {signal.message}
                </li>
              ))}
            </ul>
            A download is a filtered sample: confirm on{' '}
            <b>Entra ID &gt; Enterprise apps &gt; Jostle &gt; Provisioning</b>.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="success" data-testid="quarantine-signals">
          <MessageBarBody>No quarantine signals in this file.</MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.groups}>
        <div className={styles.group}>
          <Text weight="semibold">By action</Text>
          <Counts kind="action" counts={summary.byAction} />
        </div>
        <div className={styles.group}>
          <Text weight="semibold">By status</Text>
          <Counts kind="status" counts={summary.byStatus} />
          {skipped.length > 0 && (
            <Text size={200} className={styles.muted} data-testid="skipped-reasons">
              Skipped: {skipped.map(([code, count]) => `${code} ${count}`).join(', ')}. Users outside the
              scope are skipped on purpose.
            </Text>
          )}
        </div>
      </div>

      {summary.cycles.length > 0 && (
        <div className={styles.group} data-testid="log-cycles">
          <Text weight="semibold">Cycles</Text>
          <ul className={styles.list}>
            {summary.cycles.map((cycle) => (
              <li key={cycle.cycleId}>
                {formatUtc(cycle.from)}: {plural(cycle.events, 'event')},{' '}
                {cycle.failures ? <b>{plural(cycle.failures, 'failure')}</b> : 'no failures'}{' '}
                <Text size={200} className={styles.muted}>
                  (cycle {cycle.cycleId.slice(0, 8)}…)
                </Text>
              </li>
            ))}
          </ul>
          {summary.stagedDeletes > 0 && (
            <Text data-testid="staged-deletes">
              <b>{plural(summary.stagedDeletes, 'staged delete')}</b> held back by the accidental-deletion
              threshold: allow or reject them on the provisioning page.
            </Text>
          )}
        </div>
      )}

      <ErrorCodeList errors={summary.errors} />
    </div>
  );
}
