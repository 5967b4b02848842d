import { describe, expect, it } from 'vitest';
import {
  ExpressionSyntaxError,
  MAX_EXPRESSION_LENGTH,
  parseExpression,
  printExpression,
  referencedAttributes,
  tryParseExpression,
} from '../../shared/expressions';

function syntaxError(source: string): ExpressionSyntaxError {
  try {
    parseExpression(source);
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected a syntax error for ${source}`);
}

describe('parseExpression', () => {
  it('parses the default active mapping with its omitted argument', () => {
    const node = parseExpression('Switch([IsSoftDeleted], , "False", "True", "True", "False")');
    expect(node).toMatchObject({ kind: 'call', name: 'Switch' });
    if (node.kind !== 'call') throw new Error('not a call');
    expect(node.args.map((arg) => arg.kind)).toEqual([
      'attribute',
      'missing',
      'string',
      'string',
      'string',
      'string',
    ]);
  });

  it('keeps positions of every node', () => {
    const source = 'Append([givenName], ".x")';
    const node = parseExpression(source);
    if (node.kind !== 'call') throw new Error('not a call');
    const [attribute, text] = node.args;
    expect(source.slice(attribute!.start, attribute!.end)).toBe('[givenName]');
    expect(source.slice(text!.start, text!.end)).toBe('".x"');
  });

  it('decodes escaped quotes and backslashes, and leaves other backslashes alone', () => {
    const node = parseExpression('"Company: \\"Contoso\\" \\\\ \\d"');
    expect(node).toMatchObject({ kind: 'string', value: 'Company: "Contoso" \\ \\d' });
  });

  it('parses comparisons, numbers, VBA hex numbers, identifiers and zero-argument calls', () => {
    expect(printExpression(parseExpression('IIF([country]="USA",[country],[department])'))).toBe(
      'IIF([country] = "USA", [country], [department])',
    );
    expect(parseExpression('&HF7')).toMatchObject({ kind: 'number', value: 247 });
    expect(parseExpression('-12')).toMatchObject({ kind: 'number', value: -12 });
    expect(parseExpression('InStr("a", "b", 1, vbBinaryCompare)')).toMatchObject({ kind: 'call' });
    expect(parseExpression('Guid()')).toMatchObject({ kind: 'call', args: [] });
    expect(parseExpression('[a] <> [b]')).toMatchObject({ kind: 'compare', operator: '<>' });
  });

  it('accepts whitespace and line breaks between tokens', () => {
    expect(printExpression(parseExpression('Join(\n  ".",\n  [a],\n  [b]\n)'))).toBe('Join(".", [a], [b])');
  });

  it('lists the attributes an expression reads', () => {
    expect(referencedAttributes(parseExpression('Coalesce([mail], Join("@", [a], [mail]))'))).toEqual([
      'mail',
      'a',
    ]);
  });
});

describe('syntax errors carry the position to underline', () => {
  it.each([
    ['Append([givenName], ".x"', 'missing its closing ")"', 24],
    ['Append([givenName, ".x")', 'closing "]"', 7],
    ['Append([givenName] ".x")', 'Expected "," or ")"', 19],
    ['"unterminated', 'closing quote', 0],
    ["Append([a], 'x')", 'double quotes', 12],
    ['Append([a]) extra', 'after a complete expression', 12],
    ['', 'empty', 0],
    ['[a] = [b] = [c]', 'Only one comparison', 10],
    ['Left([a], 3x)', 'after a number', 11],
    ['Append([], "x")', 'Empty attribute name', 7],
    ['Append([a], "x"))', 'after a complete expression', 16],
    ['Append(@)', 'Unexpected character "@"', 7],
  ])('%s', (source, message, position) => {
    const error = syntaxError(source);
    expect(error.message).toContain(message);
    expect(error.position).toBe(position);
  });

  it('reports line and column for multi-line expressions', () => {
    const error = syntaxError('Join(".",\n  [a]\n  [b])');
    expect(error.line).toBe(3);
    expect(error.column).toBe(3);
    expect(error.message).toContain('line 3, column 3');
  });

  it('refuses expressions over Entra’s 10,000-character limit', () => {
    const error = syntaxError(`"${'x'.repeat(MAX_EXPRESSION_LENGTH)}"`);
    expect(error.message).toContain('10000 characters');
  });

  it('refuses nesting deep enough to exhaust the stack', () => {
    const error = syntaxError(`${'ToLower('.repeat(500)}[a]${')'.repeat(500)}`);
    expect(error.message).toContain('nested more than');
  });

  it('tryParseExpression returns the error as plain data', () => {
    const result = tryParseExpression('Append([a], ');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ position: 12, line: 1, column: 13 });
    expect(JSON.parse(JSON.stringify(result.error))).toEqual(result.error);
  });
});
