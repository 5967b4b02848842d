/**
 * Tokenizer and recursive-descent parser for Entra's attribute-mapping expressions.
 *
 * Hand-written because no maintained JavaScript implementation of this language exists (it is a VBA-like
 * dialect interpreted only inside Microsoft's provisioning service), and a parser generator would add a
 * dependency for a grammar of a dozen rules. Syntax (Microsoft "functions for customizing application data"):
 * calls `Name(arg, …)`, attributes `[name]`, strings `"…"` with `\"` and `\\` escapes, numbers, omitted
 * arguments (`Switch([IsSoftDeleted], , "False", …)`), and one comparison (`=`, `<>`, `<`, `<=`, `>`, `>=`)
 * as used inside IIF and CBool.
 */
import type { CompareOperator, ExpressionNode } from './ast';

/** A syntax error with the position the editor should underline. */
export class ExpressionSyntaxError extends Error {
  override name = 'ExpressionSyntaxError';
  /** 1-based line and column of `position`, for messages and editors that count lines. */
  readonly line: number;
  readonly column: number;

  constructor(
    message: string,
    readonly source: string,
    /** 0-based offset of the offending character. */
    readonly position: number,
    /** How many characters the error covers (at least 1, except at the end of the text). */
    readonly length: number,
  ) {
    const before = source.slice(0, position).split('\n');
    const line = before.length;
    const column = (before[before.length - 1]?.length ?? 0) + 1;
    super(`${message} (line ${line}, column ${column})`);
    this.line = line;
    this.column = column;
  }
}

/** Entra caps expressions at 10,000 characters (reference §6, KNOWN). */
export const MAX_EXPRESSION_LENGTH = 10_000;

type TokenKind = 'name' | 'attribute' | 'string' | 'number' | 'compare' | '(' | ')' | ',' | 'end';

interface Token {
  kind: TokenKind;
  text: string;
  /** Decoded value: string contents, attribute name, or operator. */
  value: string;
  start: number;
  end: number;
}

const COMPARE_OPERATORS: readonly CompareOperator[] = ['<>', '<=', '>=', '=', '<', '>'];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  const fail = (message: string, at: number, length = 1): never => {
    throw new ExpressionSyntaxError(message, source, at, length);
  };
  while (index < source.length) {
    const char = source[index] as string;
    const start = index;
    if (/\s/.test(char)) {
      index += 1;
      continue;
    }
    if (char === '(' || char === ')' || char === ',') {
      tokens.push({ kind: char, text: char, value: char, start, end: index + 1 });
      index += 1;
      continue;
    }
    if (char === '[') {
      const close = source.indexOf(']', index + 1);
      const newline = source.indexOf('\n', index + 1);
      if (close === -1 || (newline !== -1 && newline < close))
        fail('Attribute name is missing its closing "]"', start);
      const name = source.slice(index + 1, close).trim();
      if (name === '') fail('Empty attribute name "[]"', start, close - start + 1);
      if (name.includes('[')) fail('Attribute names cannot contain "["', start, close - start + 1);
      index = close + 1;
      tokens.push({ kind: 'attribute', text: source.slice(start, index), value: name, start, end: index });
      continue;
    }
    if (char === '"') {
      let value = '';
      index += 1;
      for (;;) {
        if (index >= source.length) fail('String is missing its closing quote', start, source.length - start);
        const next = source[index] as string;
        if (next === '"') break;
        if (next === '\\' && (source[index + 1] === '"' || source[index + 1] === '\\')) {
          value += source[index + 1];
          index += 2;
          continue;
        }
        // Other backslashes stay as written, so regex patterns such as "\d" keep their meaning.
        value += next;
        index += 1;
      }
      index += 1;
      tokens.push({ kind: 'string', text: source.slice(start, index), value, start, end: index });
      continue;
    }
    const hex = /^&H[0-9A-Fa-f]+/.exec(source.slice(index, index + 20));
    const number = hex ?? /^-?\d+(\.\d+)?/.exec(source.slice(index, index + 40));
    if (number && (char !== '-' || /\d/.test(source[index + 1] ?? ''))) {
      index += number[0].length;
      if (/[A-Za-z_]/.test(source[index] ?? '')) fail(`Unexpected "${source[index]}" after a number`, index);
      tokens.push({ kind: 'number', text: number[0], value: number[0], start, end: index });
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(index, index + 200));
    if (name) {
      index += name[0].length;
      tokens.push({ kind: 'name', text: name[0], value: name[0], start, end: index });
      continue;
    }
    const operator = COMPARE_OPERATORS.find((candidate) => source.startsWith(candidate, index));
    if (operator) {
      index += operator.length;
      tokens.push({ kind: 'compare', text: operator, value: operator, start, end: index });
      continue;
    }
    if (char === ']') fail('Unexpected "]" without a matching "["', start);
    if (char === "'") fail('Strings use double quotes ("…"), not single quotes', start);
    fail(`Unexpected character "${char}"`, start);
  }
  tokens.push({ kind: 'end', text: '', value: '', start: source.length, end: source.length });
  return tokens;
}

function describe(token: Token): string {
  return token.kind === 'end' ? 'the end of the expression' : `"${token.text}"`;
}

/** Deeper nesting than any real mapping needs; the cap keeps hostile input from exhausting the stack. */
export const MAX_NESTING_DEPTH = 100;

class Parser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  private peek(): Token {
    return this.tokens[this.index] as Token;
  }

  private take(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  private fail(message: string, token: Token): never {
    throw new ExpressionSyntaxError(message, this.source, token.start, Math.max(token.end - token.start, 0));
  }

  parseTop(): ExpressionNode {
    if (this.peek().kind === 'end') this.fail('The expression is empty', this.peek());
    const node = this.parseExpression();
    const rest = this.peek();
    if (rest.kind !== 'end') {
      this.fail(`Unexpected ${describe(rest)} after a complete expression`, rest);
    }
    return node;
  }

  private parseExpression(): ExpressionNode {
    const left = this.parseOperand();
    if (this.peek().kind !== 'compare') return left;
    const operator = this.take();
    const right = this.parseOperand();
    if (this.peek().kind === 'compare') {
      this.fail('Only one comparison is allowed here; nest IIF calls to combine conditions', this.peek());
    }
    return {
      kind: 'compare',
      operator: operator.value as CompareOperator,
      left,
      right,
      start: left.start,
      end: right.end,
    };
  }

  private parseOperand(): ExpressionNode {
    const token = this.take();
    switch (token.kind) {
      case 'attribute':
        return { kind: 'attribute', name: token.value, start: token.start, end: token.end };
      case 'string':
        return { kind: 'string', value: token.value, start: token.start, end: token.end };
      case 'number': {
        const value = token.text.startsWith('&H') ? parseInt(token.text.slice(2), 16) : Number(token.text);
        return { kind: 'number', value, raw: token.text, start: token.start, end: token.end };
      }
      case 'name':
        if (this.peek().kind === '(') return this.parseCall(token);
        return { kind: 'identifier', name: token.value, start: token.start, end: token.end };
      default:
        return this.fail(
          `Expected a function, [attribute], "string" or number but found ${describe(token)}`,
          token,
        );
    }
  }

  private parseCall(name: Token): ExpressionNode {
    if (this.depth >= MAX_NESTING_DEPTH) {
      this.fail(`Functions are nested more than ${MAX_NESTING_DEPTH} levels deep`, name);
    }
    this.depth += 1;
    try {
      return this.parseArguments(name);
    } finally {
      this.depth -= 1;
    }
  }

  private parseArguments(name: Token): ExpressionNode {
    this.take(); // "("
    const args: ExpressionNode[] = [];
    if (this.peek().kind === ')') {
      const close = this.take();
      return { kind: 'call', name: name.value, args, start: name.start, end: close.end };
    }
    for (;;) {
      const next = this.peek();
      if (next.kind === ',' || next.kind === ')') {
        args.push({ kind: 'missing', start: next.start, end: next.start });
      } else if (next.kind === 'end') {
        this.fail(`"${name.value}(" is missing its closing ")"`, next);
      } else {
        args.push(this.parseExpression());
      }
      const separator = this.take();
      if (separator.kind === ')') {
        return { kind: 'call', name: name.value, args, start: name.start, end: separator.end };
      }
      if (separator.kind !== ',') {
        if (separator.kind === 'end') this.fail(`"${name.value}(" is missing its closing ")"`, separator);
        this.fail(
          `Expected "," or ")" in the arguments of ${name.value} but found ${describe(separator)}`,
          separator,
        );
      }
    }
  }
}

/** Parses expression text; throws {@link ExpressionSyntaxError} (and nothing else) on bad input. */
export function parseExpression(source: string): ExpressionNode {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw new ExpressionSyntaxError(
      `Entra limits expressions to ${MAX_EXPRESSION_LENGTH} characters; this one has ${source.length}`,
      source,
      MAX_EXPRESSION_LENGTH,
      source.length - MAX_EXPRESSION_LENGTH,
    );
  }
  return new Parser(source, tokenize(source)).parseTop();
}

/** The same, as plain data for a UI: the tree or the error with its position. */
export type ParseResult =
  | { ok: true; node: ExpressionNode }
  | { ok: false; error: { message: string; position: number; length: number; line: number; column: number } };

export function tryParseExpression(source: string): ParseResult {
  try {
    return { ok: true, node: parseExpression(source) };
  } catch (error) {
    if (!(error instanceof ExpressionSyntaxError)) throw error;
    const { message, position, length, line, column } = error;
    return { ok: false, error: { message, position, length, line, column } };
  }
}
