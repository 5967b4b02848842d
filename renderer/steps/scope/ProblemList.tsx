import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { ErrorCircle16Filled, Warning16Filled } from '@fluentui/react-icons';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: '2px', margin: `${tokens.spacingVerticalXXS} 0` },
  line: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'flex-start' },
  error: { color: tokens.colorPaletteRedForeground1, flexShrink: 0, marginTop: '2px' },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0, marginTop: '2px' },
});

export interface ShownProblem {
  severity: 'error' | 'warning';
  message: string;
}

/** Problems right where they belong (a clause, a mapping): errors block, warnings only inform. */
export function ProblemList({ problems, testId }: { problems: readonly ShownProblem[]; testId?: string }) {
  const styles = useStyles();
  if (problems.length === 0) return null;
  return (
    <div className={styles.list} data-testid={testId} role="list">
      {problems.map((problem, index) => (
        <div key={index} className={styles.line} role="listitem" data-severity={problem.severity}>
          {problem.severity === 'error' ? (
            <ErrorCircle16Filled className={styles.error} aria-label="Error" />
          ) : (
            <Warning16Filled className={styles.warning} aria-label="Warning" />
          )}
          <Text size={200}>{problem.message}</Text>
        </div>
      ))}
    </div>
  );
}
