/**
 * The contract between the evaluator and the function implementations, and the argument helpers they share.
 */
import type { ExpressionNode } from './ast';
import type { EvaluationContext } from './evaluation-context';
import { toText, type ExpressionValue } from './values';
import type { EvaluationClock } from './volatile';

/** One evaluation: the user's attributes, and whether null attributes must fail (inside IIF's condition). */
export interface EvaluationState {
  context: EvaluationContext;
  strictNulls: number;
  /** The fixed clock and seed standing in for Now(), Guid() and RandomString(). */
  clock: EvaluationClock;
  /** Which user this is, so generated values differ per user but repeat for the same user and seed. */
  userKey: string;
  /** Offset of the volatile call being evaluated, and how many volatile values it has produced. */
  site: number;
  calls: number;
  /** Volatile functions used so far, in order of first use. */
  volatileUsed: string[];
  /** Set by Redact: Entra's logs show "[Redact]" for this value. */
  redacted: boolean;
  /** Choices the preview made where Microsoft documents no rule, worded for the admin. */
  assumptions: string[];
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
  /** Gives a different value on every evaluation in Entra (Now, Guid, RandomString). */
  volatile?: boolean;
  /** Must be the whole expression, never nested (SelectUniqueValue). */
  topLevelOnly?: boolean;
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
