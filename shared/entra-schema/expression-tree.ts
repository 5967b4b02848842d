/**
 * Converts between a schema's expression TREE (attributeMappingSource) and the expression TEXT the
 * assistant's mapping model stores. Text → tree goes through the shared expression parser (its public API
 * only); tree → text prefers the tree's own `expression`, which Graph documents as the "equivalent
 * expression representation", and rebuilds it from the parameters only when a document leaves it out.
 */
import { parseExpression, type ExpressionNode } from '../expressions';
import type { MappingSourceTree } from './graph-shapes';
import { parameterKey, parameterPosition } from './parameter-keys';

const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

const kindOf = (tree: MappingSourceTree) => (tree.type ?? 'Attribute').toLowerCase();

/** The expression text a tree stands for. */
export function treeToText(tree: MappingSourceTree): string {
  const kind = kindOf(tree);
  if (kind === 'attribute') return `[${tree.name ?? ''}]`;
  if (kind === 'constant') return quote(tree.name ?? '');
  if (typeof tree.expression === 'string' && tree.expression.trim() !== '') return tree.expression.trim();
  return rebuildFunction(tree);
}

/** `Name(a, , c)` from the parameters, placing each by its key so omitted arguments stay omitted. */
function rebuildFunction(tree: MappingSourceTree): string {
  const name = tree.name ?? '';
  const slots: string[] = [];
  let next = 0;
  for (const parameter of tree.parameters ?? []) {
    const position = parameter.key ? parameterPosition(name, parameter.key) : undefined;
    const at = position ?? next;
    while (slots.length < at) slots.push('');
    slots[at] = treeToText(parameter.value);
    next = at + 1;
  }
  return `${name}(${slots.join(', ')})`;
}

/** Whether a tree lacked its `expression` somewhere, so the text was rebuilt from parameters. */
export function treeWasRebuilt(tree: MappingSourceTree): boolean {
  if (kindOf(tree) !== 'function') return false;
  if (typeof tree.expression !== 'string' || tree.expression.trim() === '') return true;
  return false;
}

function nodeToTree(node: ExpressionNode, text: string): MappingSourceTree {
  const spelled = text.slice(node.start, node.end).trim();
  switch (node.kind) {
    case 'attribute':
      return { expression: `[${node.name}]`, name: node.name, parameters: [], type: 'Attribute' };
    case 'string':
      return { expression: quote(node.value), name: node.value, parameters: [], type: 'Constant' };
    case 'number':
      return { expression: quote(node.raw), name: node.raw, parameters: [], type: 'Constant' };
    case 'identifier':
      return { expression: node.name, name: node.name, parameters: [], type: 'Constant' };
    case 'missing':
      return { expression: '', name: '', parameters: [], type: 'Constant' };
    case 'compare':
      // Graph documents no tree form for a comparison; the expression text carries it (L7 in the fidelity doc).
      return {
        expression: spelled,
        name: node.operator,
        parameters: [
          { key: 'left', value: nodeToTree(node.left, text) },
          { key: 'right', value: nodeToTree(node.right, text) },
        ],
        type: 'Function',
      };
    case 'call':
      return {
        expression: spelled,
        name: node.name,
        parameters: node.args.flatMap((arg, index) =>
          arg.kind === 'missing'
            ? []
            : [{ key: parameterKey(node.name, index), value: nodeToTree(arg, text) }],
        ),
        type: 'Function',
      };
  }
}

/** The tree for expression text. Throws the parser's ExpressionSyntaxError on bad text. */
export function textToTree(text: string): MappingSourceTree {
  const trimmed = text.trim();
  return nodeToTree(parseExpression(trimmed), trimmed);
}
