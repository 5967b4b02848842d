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
import type { AttributeMapping, MappingProblem } from '../../../shared/mapping';
import { ProblemList } from '../scope/ProblemList';
import { describeMappingSource, galleryDifference } from '../../../shared/mapping';
import { shortTarget } from './mapping-text';

const useStyles = makeStyles({
  table: { tableLayout: 'fixed', background: tokens.colorNeutralBackground1 },
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
});

const DIFFERENCE = {
  changed: { label: 'Changed', color: 'warning' },
  added: { label: 'Added', color: 'brand' },
} as const;

/** The mappings as Entra lists them: target ← source, with what is special about each. */
export function MappingTable({
  mappings,
  problems,
  onEdit,
  onDelete,
}: {
  mappings: readonly AttributeMapping[];
  problems: readonly MappingProblem[];
  onEdit(index: number): void;
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
          const difference = galleryDifference(mapping);
          const testId = `mapping-row-${mapping.target}`;
          return (
            <Fragment key={`${mapping.target}-${index}`}>
              <TableRow
                data-testid={testId}
                className={own.some((p) => p.severity === 'error') ? styles.bad : undefined}
              >
                <TableCell className={styles.cell}>
                  <span className={styles.code} title={mapping.target}>
                    {shortTarget(mapping.target)}
                  </span>
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
                        color={DIFFERENCE[difference].color}
                        data-testid={`${testId}-difference`}
                      >
                        {DIFFERENCE[difference].label}
                      </Badge>
                    )}
                  </div>
                </TableCell>
                <TableCell>
                  <div className={styles.actions}>
                    <Tooltip content="Edit" relationship="label">
                      <Button
                        appearance="subtle"
                        size="small"
                        icon={<Edit20Regular />}
                        data-testid={`${testId}-edit`}
                        onClick={() => onEdit(index)}
                      />
                    </Tooltip>
                    <Tooltip content="Delete" relationship="label">
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
