/**
 * The character-level half of the .NET → JavaScript regex translation (see ./regex): escapes, character
 * classes (with .NET's class subtraction) and .NET's Unicode-aware shorthand classes.
 */

/** .NET's `\w`: letters, non-spacing marks, decimal digits, connector punctuation. */
export const WORD = '[\\p{L}\\p{Mn}\\p{Nd}\\p{Pc}]';
/** .NET's `\s`: form feed, newline, carriage return, tab, vertical tab, NEL and every separator. */
export const SPACE = '[\\f\\n\\r\\t\\v\\x85\\p{Z}]';
/** .NET's `\d`: every Unicode decimal digit, not just 0-9. */
export const DIGIT = '\\p{Nd}';

/**
 * A pattern the preview will not run: `unsupported` names a valid .NET construct with no faithful
 * JavaScript translation; otherwise the pattern is invalid in .NET too.
 */
export class RegexTranslationError extends Error {
  override name = 'RegexTranslationError';
  constructor(
    message: string,
    readonly unsupported = false,
  ) {
    super(message);
  }
}
const unsupported = (construct: string) => new RegexTranslationError(construct, true);

/** A code point written so it means itself anywhere in a `v`-flag pattern. */
export function literalCode(code: number): string {
  const char = String.fromCodePoint(code);
  return /[A-Za-z0-9]/.test(char) || code > 0x7f ? char : `\\u{${code.toString(16)}}`;
}

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = {
  t: 9,
  n: 10,
  v: 11,
  f: 12,
  r: 13,
  e: 0x1b,
  a: 7,
};

/**
 * Decodes the escape whose letter is at `at` (just after the backslash) to one code point. Throws for
 * letters .NET does not know either.
 */
function decodeEscape(pattern: string, at: number, inClass: boolean): { code: number; end: number } {
  const letter = pattern[at] as string;
  if (letter in SIMPLE_ESCAPES) return { code: SIMPLE_ESCAPES[letter]!, end: at + 1 };
  if (inClass && letter === 'b') return { code: 8, end: at + 1 };
  if (letter === 'x' || letter === 'u') {
    const width = letter === 'x' ? 2 : 4;
    const hex = pattern.slice(at + 1, at + 1 + width);
    if (!new RegExp(`^[0-9A-Fa-f]{${width}}$`).test(hex)) {
      throw new RegexTranslationError(`\\${letter} needs ${width} hexadecimal digits`);
    }
    return { code: parseInt(hex, 16), end: at + 1 + width };
  }
  if (letter === 'c') {
    const control = pattern[at + 1];
    if (!control || !/[A-Za-z]/.test(control))
      throw new RegexTranslationError('\\c needs a letter, e.g. \\cM');
    return { code: control.toUpperCase().charCodeAt(0) % 32, end: at + 2 };
  }
  if (letter === '0') {
    const octal = /^[0-7]{0,2}/.exec(pattern.slice(at + 1))![0];
    return { code: octal ? parseInt(octal, 8) : 0, end: at + 1 + octal.length };
  }
  if (/[A-Za-z0-9_]/.test(letter)) throw new RegexTranslationError(`\\${letter} is not a .NET escape`);
  const code = pattern.codePointAt(at)!;
  return { code, end: at + (code > 0xffff ? 2 : 1) };
}

/** An escape outside a class that stands for one character. */
export function escapeLiteral(pattern: string, letterAt: number): { text: string; end: number } {
  const decoded = decodeEscape(pattern, letterAt, false);
  return { text: literalCode(decoded.code), end: decoded.end };
}

type Atom =
  { kind: 'char'; code: number; end: number } | { kind: 'set'; text: string; end: number; negated: boolean };

function readAtom(pattern: string, at: number): Atom {
  const char = pattern[at] as string;
  if (char !== '\\') {
    const code = pattern.codePointAt(at)!;
    return { kind: 'char', code, end: at + (code > 0xffff ? 2 : 1) };
  }
  const letter = pattern[at + 1];
  if (letter === undefined) throw new RegexTranslationError('a trailing backslash');
  const sets: Record<string, [string, boolean]> = {
    d: [DIGIT, false],
    D: [`[^${DIGIT}]`, true],
    w: [WORD, false],
    W: [`[^${WORD.slice(1, -1)}]`, true],
    s: [SPACE, false],
    S: [`[^${SPACE.slice(1, -1)}]`, true],
  };
  const set = sets[letter];
  if (set) return { kind: 'set', text: set[0], end: at + 2, negated: set[1] };
  if (letter === 'p' || letter === 'P') {
    const close = pattern.indexOf('}', at);
    const name = pattern.slice(at + 3, close);
    if (pattern[at + 2] !== '{' || close === -1)
      throw new RegexTranslationError('\\p needs a category in braces');
    if (/^Is/.test(name)) {
      throw unsupported(`the Unicode block \\p{${name}} (JavaScript knows scripts, not blocks)`);
    }
    if (!/^(?:[LMNPSZC]|L[ultmo]|M[nce]|N[dlo]|P[cdseifo]|S[mcko]|Z[slp]|C[cfson])$/.test(name)) {
      throw new RegexTranslationError(`unknown Unicode category \\p{${name}}`);
    }
    return { kind: 'set', text: `\\${letter}{${name}}`, end: close + 1, negated: letter === 'P' };
  }
  const decoded = decodeEscape(pattern, at + 1, true);
  return { kind: 'char', code: decoded.code, end: decoded.end };
}

/**
 * Translates the class starting at `start` (a `[`) into a `v`-flag class. `negated` is true when the
 * class can match "anything but", which makes its result depend on how characters are counted.
 */
export function translateClass(
  pattern: string,
  start: number,
): { text: string; end: number; negated: boolean } {
  let at = start + 1;
  const negatedClass = pattern[at] === '^';
  if (negatedClass) at += 1;
  const items: string[] = [];
  let negated = negatedClass;
  let first = true;
  for (;;) {
    if (at >= pattern.length) throw new RegexTranslationError('a character class without its closing "]"');
    const char = pattern[at];
    if (char === ']' && !first) {
      return { text: `[${negatedClass ? '^' : ''}${items.join('')}]`, end: at + 1, negated };
    }
    first = false;
    if (char === '-' && pattern[at + 1] === '[') {
      const subtracted = translateClass(pattern, at + 1);
      if (pattern[subtracted.end] !== ']') {
        throw new RegexTranslationError('a class subtraction -[…] that is not the last part of its class');
      }
      const base = `[${negatedClass ? '^' : ''}${items.join('')}]`;
      return { text: `[${base}--${subtracted.text}]`, end: subtracted.end + 1, negated: true };
    }
    const atom = readAtom(pattern, at);
    at = atom.end;
    if (atom.kind === 'set') {
      items.push(atom.text);
      negated ||= atom.negated;
      continue;
    }
    if (
      pattern[at] === '-' &&
      pattern[at + 1] !== ']' &&
      pattern[at + 1] !== '[' &&
      at + 1 < pattern.length
    ) {
      const upper = readAtom(pattern, at + 1);
      if (upper.kind === 'set')
        throw new RegexTranslationError('a range that ends in a shorthand class such as \\d');
      if (upper.code < atom.code) throw new RegexTranslationError('a range in reverse order');
      items.push(`${literalCode(atom.code)}-${literalCode(upper.code)}`);
      at = upper.end;
      continue;
    }
    items.push(literalCode(atom.code));
  }
}
