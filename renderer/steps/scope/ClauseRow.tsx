import { Button, Input, makeStyles, Select, Text, tokens, Tooltip } from '@fluentui/react-components';
import { Delete20Regular } from '@fluentui/react-icons';
import {
  SCOPING_OPERATORS,
  UNARY_OPERATORS,
  type ScopingClause,
  type ScopingOperator,
} from '../../../shared/scoping';
import { AttributePicker } from './AttributePicker';
import { ProblemList, type ShownProblem } from './ProblemList';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: '210px 200px 1fr 32px',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
  },
  problems: { paddingLeft: tokens.spacingHorizontalXS },
});

/** One clause: attribute, operator, value (hidden for the operators that take none). */
export function ClauseRow({
  clause,
  problems,
  testId,
  onChange,
  onRemove,
}: {
  clause: ScopingClause;
  problems: readonly ShownProblem[];
  testId: string;
  onChange(clause: ScopingClause): void;
  onRemove(): void;
}) {
  const styles = useStyles();
  const unary = UNARY_OPERATORS.includes(clause.operator);
  const setOperator = (operator: ScopingOperator) => {
    const next: ScopingClause = { ...clause, operator };
    if (UNARY_OPERATORS.includes(operator)) delete next.value;
    onChange(next);
  };
  return (
    <div data-testid={testId}>
      <div className={styles.row}>
        <AttributePicker
          scoping
          label="Source attribute"
          testId={`${testId}-attribute`}
          value={clause.attribute}
          onChange={(attribute) => onChange({ ...clause, attribute })}
        />
        <Select
          aria-label="Operator"
          data-testid={`${testId}-operator`}
          value={clause.operator}
          onChange={(_event, data) => setOperator(data.value as ScopingOperator)}
        >
          {SCOPING_OPERATORS.map((operator) => (
            <option key={operator} value={operator}>
              {operator}
            </option>
          ))}
        </Select>
        {unary ? (
          <span />
        ) : (
          <Input
            aria-label="Value"
            placeholder={clause.operator.includes('REGEX') ? 'Regular expression' : 'Value'}
            data-testid={`${testId}-value`}
            value={clause.value ?? ''}
            onChange={(_event, data) => onChange({ ...clause, value: data.value })}
          />
        )}
        <Tooltip content="Remove this clause" relationship="label">
          <Button
            appearance="subtle"
            icon={<Delete20Regular />}
            data-testid={`${testId}-remove`}
            onClick={onRemove}
          />
        </Tooltip>
      </div>
      <div className={styles.problems}>
        {clause.operator.includes('REGEX') && (
          <Text size={200} data-testid={`${testId}-regex-hint`}>
            Read as .NET reads it. Matches anywhere in the value unless you anchor it with ^ and $ (assumed:
            Microsoft does not say).
          </Text>
        )}
        <ProblemList problems={problems} testId={`${testId}-problems`} />
      </div>
    </div>
  );
}
