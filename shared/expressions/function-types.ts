/**
 * The contract between the evaluator and the function implementations, and the argument helpers they share.
 */
import type { ExpressionNode } from './ast';
import type { EvaluationContext } from './evaluate';
import { toText, type ExpressionValue } from './values';

/** One evaluation: the user's attributes, and whether null attributes must fail (inside IIF's condition). */
export interface EvaluationState {
  context: EvaluationContext;
  strictNulls: number;
}

export interface FunctionArgument {
  node: ExpressionNode;
  /** False for an omitted argument (`F(a, , c)`). */
  provided: boolean;
  /** Evaluates the argument; called only when needed, so IIF and Switch evaluate just the branch they take. */
  value(state: EvaluationState): ExpressionValue;
}

/** What a function returns, for static checks against the target attribute's type. */
export type ResultKind = 'string' | 'boolean' | 'list' | 'number' | 'any';

export interface FunctionSpec {
  minArgs: number;
  maxArgs: number;
  /** Switch needs source, default, then key/value pairs. */
  evenArgs?: boolean;
  returns: ResultKind;
  /** Index of an argument that must be a string literal holding a regex (checked before evaluation). */
  regexArg?: number;
  run(args: readonly FunctionArgument[], state: EvaluationState): ExpressionValue;
}

export const text = (
  arg: FunctionArgument | undefined,
  state: EvaluationState,
  what: string,
): string | null => (arg ? toText(arg.value(state), what) : null);

export function list(value: ExpressionValue): readonly string[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value;
  return [toText(value, 'A list') as string];
}

/** A string function that maps a present source and passes null through. */
export function stringMap(
  minArgs: number,
  maxArgs: number,
  map: (source: string, args: readonly FunctionArgument[], state: EvaluationState) => string,
): FunctionSpec {
  return {
    minArgs,
    maxArgs,
    returns: 'string',
    run: (args, state) => {
      const source = text(args[0], state, 'source');
      return source === null ? null : map(source, args, state);
    },
  };
}
