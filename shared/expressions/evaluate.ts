/**
 * Evaluates a parsed expression against one user's attributes, following the behaviour documented on
 * Microsoft's "functions for customizing application data" page (see FUNCTIONS in ./functions).
 */
import type { AttributeNode, CallNode, CompareNode, ExpressionNode } from './ast';
import { FUNCTIONS, type EvaluationState, type FunctionArgument } from './functions';
import { parseExpression } from './parser';
import { DEFAULT_EVALUATION_CLOCK, type EvaluationClock, type VolatileUse } from './volatile';
import { printEntraDate } from './date-functions';
import {
  ExpressionEvaluationError,
  IgnoreFlowSignal,
  isNullOrEmpty,
  toText,
  type ExpressionValue,
} from './values';

import type { EvaluationContext } from './evaluation-context';

export type { EvaluationContext };

/**
 * `value` to flow, or `ignored` when IgnoreFlowIfNullOrEmpty dropped the attribute from the flow. `volatile`
 * says the value came from a fixed clock or seed (Now, Guid, RandomString); `redacted` that Entra's logs
 * would show "[Redact]" for it.
 */
export type EvaluationOutcome =
  | { kind: 'value'; value: ExpressionValue; volatile?: VolatileUse; redacted?: true; assumptions?: string[] }
  | { kind: 'ignored'; volatile?: VolatileUse };

export const IS_SOFT_DELETED = 'IsSoftDeleted';

type Compiled = (state: EvaluationState) => ExpressionValue;

function attributeReader(node: AttributeNode): Compiled {
  const softDeleted = node.name === IS_SOFT_DELETED;
  return (state) => {
    const value = softDeleted ? state.context.isSoftDeleted : state.context.attribute(node.name);
    if (state.strictNulls > 0 && isNullOrEmpty(value)) {
      throw new ExpressionEvaluationError(
        `[${node.name}] is null or empty, and Entra fails an IIF condition on a null or empty attribute; ` +
          `use Switch([${node.name}], …, "", …) to test for empty values`,
        node.start,
        node.end,
      );
    }
    return value;
  };
}

function comparison(node: CompareNode): Compiled {
  const left = compile(node.left);
  const right = compile(node.right);
  const side = (state: EvaluationState, run: Compiled): string | null => {
    try {
      return toText(run(state), 'A comparison');
    } catch (error) {
      if (error instanceof ExpressionEvaluationError || error instanceof IgnoreFlowSignal) throw error;
      throw new ExpressionEvaluationError((error as Error).message, node.start, node.end);
    }
  };
  return (state) => {
    const a = side(state, left);
    const b = side(state, right);
    // Equality is ordinal and case-sensitive, like Switch. Order comparisons are numeric when both sides
    // are numbers (DateDiff(…) > 5) and ordinal otherwise.
    if (node.operator === '=') return a === b;
    if (node.operator === '<>') return a !== b;
    if (a === null || b === null) return false;
    const numeric = NUMBER.test(a) && NUMBER.test(b);
    const order = numeric ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0;
    switch (node.operator) {
      case '<':
        return order < 0;
      case '<=':
        return order <= 0;
      case '>':
        return order > 0;
      case '>=':
        return order >= 0;
    }
  };
}

const NUMBER = /^-?\d+(\.\d+)?$/;

function call(node: CallNode): Compiled {
  const spec = FUNCTIONS[node.name];
  if (!spec) {
    return () => {
      throw new ExpressionEvaluationError(unknownFunctionMessage(node.name), node.start, node.end);
    };
  }
  const args: FunctionArgument[] = node.args.map((argument) => ({
    node: argument,
    provided: argument.kind !== 'missing',
    value: compile(argument),
  }));
  const volatile = spec.volatile === true;
  return (state) => {
    try {
      if (volatile) {
        state.site = node.start;
        if (!state.volatileUsed.includes(node.name)) state.volatileUsed.push(node.name);
      }
      return spec.run(args, state);
    } catch (error) {
      if (error instanceof ExpressionEvaluationError || error instanceof IgnoreFlowSignal) throw error;
      throw new ExpressionEvaluationError(`${node.name}: ${(error as Error).message}`, node.start, node.end);
    }
  };
}

/**
 * Turns a tree into nested closures once, so evaluating it for 100,000 users allocates nothing per call
 * (an interpreter walking the tree spent most of the preview benchmark's mapping time).
 */
function compile(node: ExpressionNode): Compiled {
  switch (node.kind) {
    case 'string':
    case 'number': {
      const value = node.value;
      return () => value;
    }
    case 'identifier': {
      const name = node.name;
      return () => name;
    }
    case 'missing':
      return () => null;
    case 'attribute':
      return attributeReader(node);
    case 'compare':
      return comparison(node);
    case 'call':
      return call(node);
  }
}

/** The fixed clock's values that stood in for Now(), Guid() or RandomString(), when any ran. */
function volatileUseOf(state: EvaluationState): VolatileUse | undefined {
  return state.volatileUsed.length
    ? { functions: state.volatileUsed, now: printEntraDate(state.clock.now), seed: state.clock.seed }
    : undefined;
}

// Outcomes are read, never changed: most IgnoreFlowIfNullOrEmpty results can share one.
const IGNORED: EvaluationOutcome = Object.freeze({ kind: 'ignored' });

const compiledTrees = new WeakMap<ExpressionNode, Compiled>();

/** "Unknown function", with a hint when only the letter case is wrong (the syntax is case-sensitive). */
export function unknownFunctionMessage(name: string): string {
  const nearMiss = Object.keys(FUNCTIONS).find((known) => known.toLowerCase() === name.toLowerCase());
  return nearMiss
    ? `Unknown function "${name}"; function names are case-sensitive, did you mean "${nearMiss}"?`
    : `Unknown function "${name}"`;
}

/** Evaluates a tree. Throws {@link ExpressionEvaluationError} when Entra would fail this user. */
export function evaluateExpression(node: ExpressionNode, context: EvaluationContext): EvaluationOutcome {
  let compiled = compiledTrees.get(node);
  if (!compiled) {
    compiled = compile(node);
    compiledTrees.set(node, compiled);
  }
  const clock = context.clock ?? DEFAULT_EVALUATION_CLOCK;
  const state: EvaluationState = {
    context,
    strictNulls: 0,
    clock,
    userKey: context.userKey ?? '',
    site: 0,
    calls: 0,
    volatileUsed: [],
    redacted: false,
    assumptions: [],
  };
  try {
    const value = compiled(state);
    const volatile = volatileUseOf(state);
    if (!volatile && !state.redacted && state.assumptions.length === 0) return { kind: 'value', value };
    return {
      kind: 'value',
      value,
      ...(volatile ? { volatile } : {}),
      ...(state.redacted ? { redacted: true as const } : {}),
      ...(state.assumptions.length ? { assumptions: state.assumptions } : {}),
    };
  } catch (error) {
    if (error instanceof IgnoreFlowSignal) {
      const volatile = volatileUseOf(state);
      return volatile ? { kind: 'ignored', volatile } : IGNORED;
    }
    throw error;
  }
}

/** Convenience for tests and one-off previews: parse and evaluate text against a plain attribute record. */
export function evaluateText(
  source: string,
  attributes: Readonly<Record<string, ExpressionValue | undefined>>,
  isSoftDeleted = false,
  clock?: EvaluationClock,
): EvaluationOutcome {
  return evaluateExpression(parseExpression(source), {
    attribute: (name) => attributes[name] ?? null,
    isSoftDeleted,
    ...(clock ? { clock } : {}),
  });
}
