import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ExpressionSyntaxError,
  parseExpression,
  printExpression,
  type ExpressionNode,
} from '../../shared/expressions';

const span = { start: 0, end: 0 };
const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
const operand = fc.letrec<{ node: ExpressionNode; arg: ExpressionNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .stringMatching(/^[A-Za-z][A-Za-z0-9_.:-]{0,12}$/)
      .map((name) => ({ kind: 'attribute' as const, name, ...span })),
    fc.string({ maxLength: 12 }).map((value) => ({ kind: 'string' as const, value, ...span })),
    fc
      .integer({ min: -1000, max: 100000 })
      .map((value) => ({ kind: 'number' as const, value, raw: String(value), ...span })),
    identifier.map((name) => ({ kind: 'identifier' as const, name, ...span })),
    fc
      .record({ name: identifier, args: fc.array(tie('arg'), { maxLength: 4 }) })
      .map(({ name, args }) => ({ kind: 'call' as const, name, args, ...span })),
  ),
  arg: fc.oneof(
    { depthSize: 'small' },
    tie('node'),
    fc.constant({ kind: 'missing' as const, ...span }),
    fc
      .record({
        left: tie('node'),
        operator: fc.constantFrom(
          '=' as const,
          '<>' as const,
          '<' as const,
          '<=' as const,
          '>' as const,
          '>=' as const,
        ),
        right: tie('node'),
      })
      .map(({ left, operator, right }) => ({ kind: 'compare' as const, left, operator, right, ...span })),
  ),
}));

/** Text made of the language's own pieces, so garbage reaches deep into the parser. */
const tokenSoup = fc
  .array(
    fc.constantFrom(
      'Switch',
      'IIF',
      '(',
      ')',
      ',',
      ', ',
      '[a]',
      '[',
      ']',
      '"x"',
      '"',
      '\\"',
      '=',
      '<>',
      '>=',
      '12',
      '&H1F',
      '-',
      ' ',
      '\n',
      'é',
      '#',
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('expression parser properties', () => {
  it('print → parse → print is stable for any tree', () => {
    fc.assert(
      fc.property(operand.node, (tree) => {
        const printed = printExpression(tree);
        expect(printExpression(parseExpression(printed))).toBe(printed);
      }),
      { numRuns: 500 },
    );
  });

  it('a tree with a top-level comparison round-trips too', () => {
    fc.assert(
      fc.property(operand.arg, (tree) => {
        if (tree.kind === 'missing') return;
        const printed = printExpression(tree);
        expect(printExpression(parseExpression(printed))).toBe(printed);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['random text', fc.string({ maxLength: 60 })],
    ['random unicode', fc.string({ unit: 'binary', maxLength: 60 })],
    ['token soup', tokenSoup],
  ])('%s never throws anything but ExpressionSyntaxError', (_, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, (text) => {
        try {
          parseExpression(text);
        } catch (error) {
          expect(error).toBeInstanceOf(ExpressionSyntaxError);
          const syntax = error as ExpressionSyntaxError;
          expect(syntax.position).toBeGreaterThanOrEqual(0);
          expect(syntax.position).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
