/**
 * The syntax tree of Entra's attribute-mapping expression language, and its canonical printer.
 *
 * Every node keeps the character offsets it came from so the UI can underline the exact span of an error.
 */

export type CompareOperator = '=' | '<>' | '<' | '<=' | '>' | '>=';

interface Span {
  /** Offset of the first character (0-based, UTF-16 code units, as in JavaScript strings). */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

/** `Name(arg, …)`. */
export interface CallNode extends Span {
  kind: 'call';
  name: string;
  args: ExpressionNode[];
}

/** `[attributeName]`: a source attribute of the user. */
export interface AttributeNode extends Span {
  kind: 'attribute';
  name: string;
}

/** `"text"` with `\"` and `\\` escapes. */
export interface StringNode extends Span {
  kind: 'string';
  value: string;
}

/** `12`, `-3`, `1.5` or the VBA hex form `&HF7`. `raw` keeps the spelling for printing. */
export interface NumberNode extends Span {
  kind: 'number';
  value: number;
  raw: string;
}

/** A bare word that is not a call, e.g. `vbBinaryCompare` (InStr's compare type). */
export interface IdentifierNode extends Span {
  kind: 'identifier';
  name: string;
}

/** An omitted argument, as in `Switch([IsSoftDeleted], , "False", …)`. */
export interface MissingNode extends Span {
  kind: 'missing';
}

/** `left = right` and the other comparisons IIF and CBool accept. */
export interface CompareNode extends Span {
  kind: 'compare';
  operator: CompareOperator;
  left: ExpressionNode;
  right: ExpressionNode;
}

export type ExpressionNode =
  CallNode | AttributeNode | StringNode | NumberNode | IdentifierNode | MissingNode | CompareNode;

function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Prints a tree back to expression text in one canonical layout (`Name(a, b)`, one space after commas). */
export function printExpression(node: ExpressionNode): string {
  switch (node.kind) {
    case 'call':
      return `${node.name}(${node.args.map(printExpression).join(', ')})`;
    case 'attribute':
      return `[${node.name}]`;
    case 'string':
      return quote(node.value);
    case 'number':
      return node.raw;
    case 'identifier':
      return node.name;
    case 'missing':
      return '';
    case 'compare':
      return `${printExpression(node.left)} ${node.operator} ${printExpression(node.right)}`;
  }
}

/** Every attribute name the expression reads, in order of first appearance. */
export function referencedAttributes(node: ExpressionNode): string[] {
  const names: string[] = [];
  const visit = (current: ExpressionNode): void => {
    if (current.kind === 'attribute' && !names.includes(current.name)) names.push(current.name);
    if (current.kind === 'call') current.args.forEach(visit);
    if (current.kind === 'compare') {
      visit(current.left);
      visit(current.right);
    }
  };
  visit(node);
  return names;
}
