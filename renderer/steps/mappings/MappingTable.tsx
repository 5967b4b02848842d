import {
  Badge,
  Button,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
  Tooltip,
} from '@fluentui/react-components';
import { Delete20Regular, Edit20Regular } from '@fluentui/react-icons';
import { Fragment } from 'react';
import type { AttributeMapping, MappingBaseline, MappingProblem } from '../../../shared/mapping';
import { ProblemList } from '../scope/ProblemList';
import {
  describeMappingSource,
  galleryDefaultFor,
  galleryDifference,
  isAssumedDefault,
  mappingBaseline,
} from '../../../shared/mapping';
import { describeMapping } from '../../../shared/entra-schema';
import { shortTarget } from './mapping-text';
import type { DetailRows } from '../../components/detail-rows';

const useStyles = makeStyles({
  table: { tableLayout: 'fixed', background: tokens.colorNeutralBackground1 },
  clickable: { cursor: 'pointer' },
  code: {
    fontFamily: 'Consolas, "Cascadia Mono", Menlo, monospace',
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
    lineHeight: tokens.lineHeightBase200,
  },
  cell: { lineHeight: tokens.lineHeightBase200, paddingTop: '5px', paddingBottom: '5px' },
  muted: { color: tokens.colorNeutralForeground3 },
  tags: { display: 'flex', flexWrap: 'wrap', gap: '4px' },
  actions: { display: 'flex' },
  problemCell: { paddingBottom: tokens.spacingVerticalS },
  bad: { background: tokens.colorPaletteRedBackground1 },
  invalid: { marginLeft: tokens.spacingHorizontalXS },
});

const DIFFERENCE = {
  changed: { label: 'Changed', color: 'warning' },
  added: { label: 'Added', color: 'brand' },
} as const;

/** With an imported schema the comparison is with what Entra has, not with the gallery defaults. */
const AGAINST_ENTRA = {
  changed: {
    label: 'Differs',
    color: 'warning',
    title: 'Differs from the mapping in the Entra schema you imported',
  },
  added: {
    label: 'Not in Entra',
    color: 'brand',
    title: 'The Entra schema you imported has no mapping to this attribute',
  },
} as const;

const BUILT_IN = mappingBaseline(null);

/** The mappings as Entra lists them: target ← source, with what is special about each. */
export function MappingTable({
  mappings,
  problems,
  rows,
  onDelete,
  baseline = BUILT_IN,
}: {
  /** What "Changed" compares with: the imported schema's mappings, else the built-in gallery defaults. */
  baseline?: MappingBaseline;
  mappings: readonly AttributeMapping[];
  problems: readonly MappingProblem[];
  /** A row (or its Edit button) opens the mapping's dialog; see renderer/components/detail-rows. */
  rows: DetailRows<string>;
  onDelete(index: number): void;
}) {
  const styles = useStyles();
  return (
    <Table size="small" className={styles.table} aria-label="Attribute mappings">
      <TableHeader>
        <TableRow>
          <TableHeaderCell style={{ width: '34%' }}>Jostle attribute</TableHeaderCell>
          <TableHeaderCell>Entra source</TableHeaderCell>
          <TableHeaderCell style={{ width: '112px' }}>Settings</TableHeaderCell>
          <TableHeaderCell style={{ width: '76px' }} aria-label="Actions" />
        </TableRow>
      </TableHeader>
      <TableBody>
        {mappings.map((mapping, index) => {
          const own = problems.filter((problem) => problem.mappingIndex === index);
          const difference = galleryDifference(mapping, baseline.mappings);
          const labels = baseline.source === 'imported-schema' ? AGAINST_ENTRA : DIFFERENCE;
          const entra =
            baseline.source === 'imported-schema' && difference === 'changed'
              ? galleryDefaultFor(mapping, baseline.mappings)
              : undefined;
          const testId = `mapping-row-${mapping.target}`;
          return (
            <Fragment key={`${mapping.target}-${index}`}>
              {/* The row itself keeps its normal background (its badges need the contrast); the "Not valid"
                  badge and the tinted problems row below mark it. */}
              <TableRow
                data-testid={testId}
                className={styles.clickable}
                {...rows.rowProps(String(index), `${shortTarget(mapping.target)}: edit this mapping`, {
                  opens: 'overlay',
                })}
              >
                <TableCell className={styles.cell}>
                  <span className={styles.code} title={mapping.target}>
                    {shortTarget(mapping.target)}
                  </span>
                  {own.some((p) => p.severity === 'error') && (
                    <Badge
                      appearance="filled"
                      color="danger"
                      size="small"
                      className={styles.invalid}
                      data-testid={`${testId}-invalid`}
                    >
                      Not valid
                    </Badge>
                  )}
                </TableCell>
                <TableCell className={styles.cell}>
                  <Text size={100} className={styles.muted}>
                    {mapping.type}
                    {' · '}
                  </Text>
                  <span
                    className={mapping.type === 'None' ? styles.muted : styles.code}
                    data-testid={`${testId}-source`}
                  >
                    {describeMappingSource(mapping)}
                  </span>
                  {entra && (
                    <Text block size={100} className={styles.muted} data-testid={`${testId}-entra`}>
                      Entra has: <span className={styles.code}>{describeMapping(entra)}</span>
                    </Text>
                  )}
                </TableCell>
                <TableCell>
                  <div className={styles.tags}>
                    {mapping.matchingPrecedence !== undefined && (
                      <Badge appearance="tint" color="informative">
                        Match {mapping.matchingPrecedence}
                      </Badge>
                    )}
                    {mapping.apply === 'OnlyDuringCreation' && (
                      <Badge appearance="tint" color="subtle">
                        Create only
                      </Badge>
                    )}
                    {mapping.defaultValue !== undefined && (
                      <Badge
                        appearance="tint"
                        color="subtle"
                        title={`Default value if null: ${mapping.defaultValue}`}
                      >
                        Default
                      </Badge>
                    )}
                    {difference !== 'same' && (
                      <Badge
                        appearance="outline"
                        color={labels[difference].color}
                        title={'title' in labels[difference] ? labels[difference].title : undefined}
                        data-testid={`${testId}-difference`}
                      >
                        {labels[difference].label}
                      </Badge>
                    )}
                    {difference === 'same' && isAssumedDefault(mapping.target, baseline) && (
                      <Tooltip
                        relationship="description"
                        content="No public source confirms this gallery default. Import your Entra schema to compare with what Entra really has."
                      >
                        <Badge appearance="outline" color="subtle" data-testid={`${testId}-assumed`}>
                          Assumed default
                        </Badge>
                      </Tooltip>
                    )}
                  </div>
                </TableCell>
                <TableCell>
                  <div className={styles.actions}>
                    <Tooltip content={`Edit ${shortTarget(mapping.target)}`} relationship="label">
                      <Button
                        appearance="subtle"
                        size="small"
                        icon={<Edit20Regular />}
                        data-testid={`${testId}-edit`}
                        data-mapping-target={mapping.target}
                        onClick={(event) => rows.open(String(index), event.currentTarget)}
                      />
                    </Tooltip>
                    <Tooltip content={`Delete ${shortTarget(mapping.target)}`} relationship="label">
                      <Button
                        appearance="subtle"
                        size="small"
                        icon={<Delete20Regular />}
                        data-testid={`${testId}-delete`}
                        onClick={() => onDelete(index)}
                      />
                    </Tooltip>
                  </div>
                </TableCell>
              </TableRow>
              {own.length > 0 && (
                <TableRow className={styles.bad}>
                  <TableCell colSpan={4} className={styles.problemCell}>
                    <ProblemList problems={own} testId={`${testId}-problems`} />
                  </TableCell>
                </TableRow>
              )}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}
