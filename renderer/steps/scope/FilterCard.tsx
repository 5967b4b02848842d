import { Button, Card, Input, makeStyles, Text, tokens, Tooltip } from '@fluentui/react-components';
import { Add16Regular, Delete20Regular } from '@fluentui/react-icons';
import type { ScopingFilter } from '../../../shared/scoping';
import { ClauseRow } from './ClauseRow';
import type { ShownProblem } from './ProblemList';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalM, gap: tokens.spacingVerticalS },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  title: { flexGrow: 1 },
  and: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, fontWeight: 600 },
});

/** One scoping filter: its clauses must all be true (AND). */
export function FilterCard({
  filter,
  index,
  problemsOf,
  onChange,
  onRemove,
}: {
  filter: ScopingFilter;
  index: number;
  problemsOf(clauseIndex: number): ShownProblem[];
  onChange(filter: ScopingFilter): void;
  onRemove(): void;
}) {
  const styles = useStyles();
  const testId = `filter-${index}`;
  return (
    <Card className={styles.card} data-testid={testId}>
      <div className={styles.head}>
        <Input
          size="small"
          appearance="underline"
          className={styles.title}
          aria-label="Filter title"
          placeholder={`Filter ${index + 1} title (optional)`}
          data-testid={`${testId}-title`}
          value={filter.title}
          onChange={(_event, data) => onChange({ ...filter, title: data.value })}
        />
        <Tooltip content="Remove this filter" relationship="label">
          <Button appearance="subtle" size="small" icon={<Delete20Regular />} onClick={onRemove} />
        </Tooltip>
      </div>
      {filter.clauses.map((clause, clauseIndex) => (
        <div key={clauseIndex}>
          {clauseIndex > 0 && <Text className={styles.and}>AND</Text>}
          <ClauseRow
            clause={clause}
            testId={`${testId}-clause-${clauseIndex}`}
            problems={problemsOf(clauseIndex)}
            onChange={(next) =>
              onChange({ ...filter, clauses: filter.clauses.map((c, i) => (i === clauseIndex ? next : c)) })
            }
            onRemove={() =>
              onChange({ ...filter, clauses: filter.clauses.filter((_, i) => i !== clauseIndex) })
            }
          />
        </div>
      ))}
      <div>
        <Button
          size="small"
          appearance="subtle"
          icon={<Add16Regular />}
          data-testid={`${testId}-add-clause`}
          onClick={() =>
            onChange({
              ...filter,
              clauses: [...filter.clauses, { attribute: '', operator: 'EQUALS', value: '' }],
            })
          }
        >
          Add clause (AND)
        </Button>
      </div>
    </Card>
  );
}
