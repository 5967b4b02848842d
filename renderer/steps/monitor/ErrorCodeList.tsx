import {
  Badge,
  Button,
  makeStyles,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Fragment } from 'react';
import type { ErrorCodeSummary, FailureSample } from '../../../shared/provisioning-logs';
import { useDetailRows } from '../../components/detail-rows';
import { formatUtc } from './format';
import { InlineMarkdown } from '../../components/InlineMarkdown';

const useStyles = makeStyles({
  card: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    background: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}`,
    borderRadius: tokens.borderRadiusLarge,
    marginTop: tokens.spacingVerticalS,
  },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  label: { fontWeight: tokens.fontWeightSemibold },
  paragraph: { margin: `${tokens.spacingVerticalXS} 0` },
  samples: { marginTop: tokens.spacingVerticalS, tableLayout: 'fixed' },
  reason: {
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    fontSize: tokens.fontSizeBase200,
  },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  row: { cursor: 'pointer' },
  details: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  description: { margin: 0, whiteSpace: 'pre-wrap' },
});

/** Everything Entra logged for one failure: the reason in full and the ids support asks for. */
function SampleDetails({ sample, onClose }: { sample: FailureSample; onClose(): void }) {
  const styles = useStyles();
  const fields: Array<[string, string | undefined]> = [
    ['Reason', sample.reason],
    ['Change ID', sample.changeId],
    ['Cycle ID', sample.cycleId],
    ['Entra object ID', sample.sourceId],
    ['Jostle user ID', sample.targetId],
  ];
  return (
    <>
      <dl className={styles.details}>
        {fields
          .filter(([, value]) => value !== undefined && value !== '')
          .map(([term, value]) => (
            <Fragment key={term}>
              <dt className={styles.term}>{term}</dt>
              <dd className={styles.description}>{value}</dd>
            </Fragment>
          ))}
      </dl>
      <Button size="small" appearance="subtle" onClick={onClose}>
        Close
      </Button>
    </>
  );
}

function ErrorCard({ error }: { error: ErrorCodeSummary }) {
  const styles = useStyles();
  const code = error.code ?? 'No error code';
  const details = useDetailRows<string>();
  return (
    <div className={styles.card} data-testid={`error-${error.code ?? 'none'}`}>
      <div className={styles.header}>
        <Text weight="semibold">{error.help.title}</Text>
        <code className={styles.code}>{code}</code>
        <Badge appearance="filled" color="danger">
          {error.count}
        </Badge>
        {error.help.retriedAutomatically && (
          <Badge appearance="tint" color="informative">
            Entra retries these
          </Badge>
        )}
      </div>
      <p className={styles.paragraph}>
        <span className={styles.label}>Likely cause: </span>
        <InlineMarkdown text={error.help.likelyCause} />
      </p>
      <p className={styles.paragraph} data-testid="error-fix">
        <span className={styles.label}>Fix: </span>
        <InlineMarkdown text={error.help.fix} />
      </p>
      <Table size="extra-small" className={styles.samples} aria-label={`Users that failed with ${code}`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: '150px' }}>Time (UTC)</TableHeaderCell>
            <TableHeaderCell style={{ width: '28%' }}>User</TableHeaderCell>
            <TableHeaderCell style={{ width: '80px' }}>Action</TableHeaderCell>
            <TableHeaderCell>Reason Entra logged</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {error.samples.map((sample, index) => {
            const key = sample.changeId ?? String(index);
            return (
              <Fragment key={key}>
                <TableRow
                  className={styles.row}
                  data-testid="log-sample-row"
                  {...details.rowProps(
                    key,
                    `${sample.sourceName ?? 'No name'}, ${sample.action} at ${formatUtc(sample.at)}: show the full reason and ids`,
                    { opens: 'panel' },
                  )}
                >
                  <TableCell>{formatUtc(sample.at)}</TableCell>
                  <TableCell>
                    <Text block>{sample.sourceName ?? '(no name)'}</Text>
                    {sample.sourceId && (
                      <Text block className={styles.muted} truncate wrap={false} title={sample.sourceId}>
                        {sample.sourceId}
                      </Text>
                    )}
                  </TableCell>
                  <TableCell>{sample.action}</TableCell>
                  <TableCell>
                    <span className={styles.reason} title={sample.reason}>
                      {sample.reason ?? ''}
                    </span>
                  </TableCell>
                </TableRow>
                {details.openKey === key && (
                  <TableRow>
                    <TableCell colSpan={4} {...details.panelProps()} data-testid="log-sample-details">
                      <SampleDetails sample={sample} onClose={details.close} />
                    </TableCell>
                  </TableRow>
                )}
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
      {error.count > error.samples.length && (
        <Text className={styles.muted}>
          The first {error.samples.length} of {error.count}, oldest first.
        </Text>
      )}
    </div>
  );
}

/** Failures grouped by error code, most frequent first, each with the likely cause and fix. */
export function ErrorCodeList({ errors }: { errors: readonly ErrorCodeSummary[] }) {
  if (errors.length === 0) {
    return <Text data-testid="no-errors">No failures or warnings in this file.</Text>;
  }
  return (
    <div data-testid="log-errors">
      <Subtitle2 as="h3">Failures by error code</Subtitle2>
      {errors.map((error) => (
        <ErrorCard key={error.code ?? 'none'} error={error} />
      ))}
    </div>
  );
}
