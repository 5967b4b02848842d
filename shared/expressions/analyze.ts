/**
 * Static checks of an expression before any user is evaluated: syntax, function names, argument counts,
 * regex literals and attribute names. Returns plain data with positions so an editor can underline them.
 */
import type { ExpressionNode } from './ast';
import { IS_SOFT_DELETED, unknownFunctionMessage } from './evaluate';
import { FUNCTIONS, type ResultKind } from './functions';
import { tryParseExpression } from './parser';
import { regexProblem } from './regex';

export interface ExpressionProblem {
  message: string;
  /** 0-based offset and length of the text the problem is about. */
  position: number;
  length: number;
}

export interface ExpressionAnalysis {
  node: ExpressionNode | null;
  problems: ExpressionProblem[];
  /** What the expression yields when it evaluates, for type checks against the target. */
  resultKind: ResultKind;
  attributes: string[];
  /** Every function the expression calls, in order of first appearance. */
  functions: string[];
}

export interface AnalyzeOptions {
  /**
   * Resolves a source attribute name: its canonical spelling, or undefined when the source has no such
   * attribute. Omit to accept any name.
   */
  resolveAttribute?: (name: string) => string | undefined;
}

function resultKind(node: ExpressionNode): ResultKind {
  switch (node.kind) {
    case 'string':
    case 'identifier':
      return 'string';
    case 'number':
      return 'number';
    case 'compare':
      return 'boolean';
    case 'missing':
      return 'any';
    case 'attribute':
      return node.name === IS_SOFT_DELETED ? 'boolean' : 'any';
    case 'call': {
      const spec = FUNCTIONS[node.name];
      if (!spec) return 'any';
      if (spec.returns !== 'any') return spec.returns;
      // IIF/Switch/Coalesce return one of their value arguments; report a kind only when they all agree.
      const values =
        node.name === 'IIF'
          ? node.args.slice(1)
          : node.name === 'Switch'
            ? node.args.filter((_, index) => index === 1 || (index >= 3 && index % 2 === 1))
            : node.args;
      const kinds = new Set(values.filter((arg) => arg.kind !== 'missing').map(resultKind));
      return kinds.size === 1 ? ([...kinds][0] as ResultKind) : 'any';
    }
  }
}

export function analyzeExpression(source: string, options: AnalyzeOptions = {}): ExpressionAnalysis {
  const parsed = tryParseExpression(source);
  if (!parsed.ok) {
    const { message, position, length } = parsed.error;
    return {
      node: null,
      problems: [{ message, position, length }],
      resultKind: 'any',
      attributes: [],
      functions: [],
    };
  }
  const problems: ExpressionProblem[] = [];
  const attributes: string[] = [];
  const functions: string[] = [];
  const report = (message: string, node: ExpressionNode) =>
    problems.push({ message, position: node.start, length: node.end - node.start });

  const visit = (node: ExpressionNode, topLevel = false): void => {
    if (node.kind === 'compare') {
      visit(node.left);
      visit(node.right);
    }
    if (node.kind === 'attribute') {
      if (!attributes.includes(node.name)) attributes.push(node.name);
      if (node.name !== IS_SOFT_DELETED && options.resolveAttribute) {
        const canonical = options.resolveAttribute(node.name);
        if (canonical === undefined) report(`Unknown source attribute [${node.name}]`, node);
        else if (canonical !== node.name) {
          report(`Attribute names are case-sensitive: write [${canonical}], not [${node.name}]`, node);
        }
      }
    }
    if (node.kind !== 'call') return;
    if (!functions.includes(node.name)) functions.push(node.name);
    node.args.forEach((argument) => visit(argument));
    const spec = FUNCTIONS[node.name];
    if (!spec) {
      report(unknownFunctionMessage(node.name), node);
      return;
    }
    if (spec.topLevelOnly && !topLevel)
      report(`${node.name} must be the whole expression; Entra refuses it nested`, node);
    if (node.name === 'SelectUniqueValue') {
      report(
        'SelectUniqueValue works only for Workday, SuccessFactors and API-driven provisioning to on-premises ' +
          'Active Directory; Entra does not support it for a SCIM app such as Jostle',
        node,
      );
    }
    const count = node.args.length;
    if (count < spec.minArgs || count > spec.maxArgs) {
      const expected =
        spec.minArgs === spec.maxArgs
          ? `${spec.minArgs}`
          : spec.maxArgs === Infinity
            ? `at least ${spec.minArgs}`
            : `${spec.minArgs} to ${spec.maxArgs}`;
      report(`${node.name} takes ${expected} argument${expected === '1' ? '' : 's'} but has ${count}`, node);
    } else if (spec.evenArgs && count % 2 !== 0) {
      report(`${node.name} needs source, default, then key/value pairs: an even number of arguments`, node);
    }
    const regexArg = spec.regexArg === undefined ? undefined : node.args[spec.regexArg];
    if (regexArg?.kind === 'string') {
      const problem = regexProblem(regexArg.value);
      if (problem) report(problem, regexArg);
    }
  };
  visit(parsed.node, true);
  return { node: parsed.node, problems, resultKind: resultKind(parsed.node), attributes, functions };
}
