import { evaluateText, ExpressionEvaluationError, type ExpressionValue } from '../../shared/expressions';

export type Attributes = Record<string, ExpressionValue>;

/** The value an expression flows, or "IGNORED" when IgnoreFlowIfNullOrEmpty dropped it. */
export function run(
  source: string,
  attributes: Attributes = {},
  isSoftDeleted = false,
): ExpressionValue | 'IGNORED' {
  const outcome = evaluateText(source, attributes, isSoftDeleted);
  return outcome.kind === 'ignored' ? 'IGNORED' : outcome.value;
}

export function failure(source: string, attributes: Attributes = {}): ExpressionEvaluationError {
  try {
    evaluateText(source, attributes);
  } catch (error) {
    if (error instanceof ExpressionEvaluationError) return error;
    throw error;
  }
  throw new Error(`expected ${source} to fail`);
}
