import { Field, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { analyzeExpression } from '../../../shared/expressions';
import { findSourceAttribute } from '../../../shared/source-data';
import { lineAndColumn } from './mapping-text';

const useStyles = makeStyles({
  marked: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    background: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
  },
  bad: {
    textDecorationLine: 'underline',
    textDecorationStyle: 'wavy',
    textDecorationColor: tokens.colorPaletteRedForeground1,
    background: tokens.colorPaletteRedBackground1,
  },
  caret: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightBold },
  problem: { color: tokens.colorPaletteRedForeground1, display: 'block' },
  ok: { color: tokens.colorPaletteGreenForeground1 },
});

/** The expression box, checked as you type with the same analysis main uses; errors are pinpointed. */
export function ExpressionField({ value, onChange }: { value: string; onChange(value: string): void }) {
  const styles = useStyles();
  const analysis = useMemo(
    () => analyzeExpression(value, { resolveAttribute: (name) => findSourceAttribute(name)?.name }),
    [value],
  );
  const first = analysis.problems[0];
  const where = first ? lineAndColumn(value, first.position) : null;
  return (
    <Field
      label="Expression"
      hint="Attributes in [brackets], text in quotes; function and attribute names are case-sensitive."
    >
      <Textarea
        data-testid="mapping-expression"
        value={value}
        resize="vertical"
        rows={3}
        spellCheck={false}
        style={{ fontFamily: 'Consolas, "Cascadia Mono", Menlo, monospace' }}
        onChange={(_event, data) => onChange(data.value)}
      />
      {value.trim() !== '' && (
        <div data-testid="expression-check" aria-live="polite">
          {first && where ? (
            <>
              <pre className={styles.marked} data-testid="expression-marked">
                {value.slice(0, first.position)}
                {first.length > 0 ? (
                  <span className={styles.bad}>
                    {value.slice(first.position, first.position + first.length)}
                  </span>
                ) : (
                  <span className={styles.caret}>▲</span>
                )}
                {value.slice(first.position + first.length)}
              </pre>
              {analysis.problems.map((problem, index) => {
                const at = lineAndColumn(value, problem.position);
                return (
                  <Text key={index} size={200} className={styles.problem} data-testid="expression-problem">
                    {/column \d+/.test(problem.message)
                      ? problem.message
                      : `${problem.message} (line ${at.line}, column ${at.column})`}
                  </Text>
                );
              })}
            </>
          ) : (
            <Text size={200} className={styles.ok}>
              The expression reads correctly.
            </Text>
          )}
        </div>
      )}
    </Field>
  );
}
