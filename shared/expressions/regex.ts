/**
 * Entra evaluates regular expressions (Replace, REGEX MATCH scoping clauses) with .NET; this preview runs
 * them with JavaScript's engine, so every .NET pattern is translated here construct by construct, and a
 * construct with no faithful translation is refused with its name — the preview never silently differs.
 *
 * Translated (.NET meaning → JavaScript `v`-flag pattern):
 * - leading inline options `(?i)`, `(?m)`, `(?s)` (any mix, e.g. `(?im)`) → flags / anchor rewrites below;
 * - `\A`, `\z`, `\Z`, and `^` / `$` (.NET's `$` also matches before a final `\n`; in multiline mode only
 *   `\n` ends a line, never `\r`) → lookarounds;
 * - `.` (any character but `\n`; with `(?s)` any character);
 * - `\d`, `\w`, `\s`, `\b` and their negations, which are Unicode-aware in .NET (`\d` is any Nd digit);
 * - `\p{Lu}` / `\P{L}` and the other general categories (they need the `u`/`v` flag in JavaScript);
 * - character class subtraction `[a-z-[aeiou]]` → `[[a-z]--[aeiou]]`;
 * - `(?'name'…)`, `\k'name'`, `(?#comment)`, `\e`, `\a`, octal `\0nn`, literal `{`, `}`, `]`, escaped
 *   punctuation such as `\@`, and .NET group numbering (unnamed groups first, then named ones).
 * Refused: inline options anywhere but the start or scoped `(?i:…)`, the `x` and `n` options, atomic groups,
 * balancing groups, conditionals, `\G`, Unicode block names (`\p{IsGreek}`), duplicate group names, and
 * unknown escapes (which .NET refuses too). Strings with characters outside the Basic Multilingual Plane
 * (emoji) are refused for patterns whose result depends on how characters are counted: .NET sees two
 * UTF-16 units where the `v` flag sees one character.
 */
import { translateClass, escapeLiteral, RegexTranslationError, WORD, SPACE, DIGIT } from './regex-class';

export { RegexTranslationError } from './regex-class';
const unsupported = (construct: string) => new RegexTranslationError(construct, true);

interface GroupInfo {
  /** 1-based position of the opening parenthesis among all capturing groups (JavaScript's number). */
  jsNumber: number;
  name?: string;
}

/** A .NET pattern translated for JavaScript, with what Replace needs to expand `$1` / `${name}`. */
export interface TranslatedRegex {
  source: string;
  flags: string;
  /** .NET group number → JavaScript group number. */
  groupNumbers: ReadonlyMap<number, number>;
  groupNames: readonly string[];
  /** True when the result on non-BMP characters would differ between .NET and JavaScript. */
  countsCharacters: boolean;
}

const CATEGORIES = new Set(
  'L Lu Ll Lt Lm Lo M Mn Mc Me N Nd Nl No P Pc Pd Ps Pe Pi Pf Po S Sm Sc Sk So Z Zs Zl Zp C Cc Cf Cs Co Cn'.split(
    ' ',
  ),
);

/** Checks a `\p{…}` name; returns the text after it. */
export function readCategory(pattern: string, at: number): { name: string; end: number } {
  if (pattern[at] !== '{') throw new RegexTranslationError(`\\p needs a category in braces, e.g. \\p{Lu}`);
  const close = pattern.indexOf('}', at);
  if (close === -1) throw new RegexTranslationError('\\p{ is missing its closing "}"');
  const name = pattern.slice(at + 1, close);
  if (/^Is/.test(name)) {
    throw unsupported(`the Unicode block \\p{${name}} (JavaScript knows scripts, not blocks)`);
  }
  if (!CATEGORIES.has(name)) throw new RegexTranslationError(`unknown Unicode category \\p{${name}}`);
  return { name, end: close + 1 };
}

function scanGroups(pattern: string): GroupInfo[] {
  const groups: GroupInfo[] = [];
  let inClass = 0;
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i];
    if (char === '\\') i += 1;
    // Inside a class a "[" is literal, except after "-" where it opens a subtraction.
    else if (char === '[' && (inClass === 0 || pattern[i - 1] === '-')) inClass += 1;
    else if (char === ']' && inClass > 0) inClass -= 1;
    else if (char === '(' && inClass === 0) {
      const named = /^\(\?(?:<([^=!>][^>]*)>|'([^']*)')/.exec(pattern.slice(i));
      if (named) groups.push({ jsNumber: groups.length + 1, name: named[1] ?? named[2] });
      else if (pattern[i + 1] !== '?') groups.push({ jsNumber: groups.length + 1 });
    }
  }
  return groups;
}

function numbering(groups: GroupInfo[]): Map<number, number> {
  const map = new Map<number, number>();
  const unnamed = groups.filter((group) => !group.name);
  const named = groups.filter((group) => group.name);
  [...unnamed, ...named].forEach((group, index) => map.set(index + 1, group.jsNumber));
  return map;
}

const UNSUPPORTED_GROUPS: Array<[RegExp, string]> = [
  [/^\(\?>/, 'atomic groups (?>…)'],
  [/^\(\?\(/, 'conditionals (?(…)yes|no)'],
  [/^\(\?[imnsx-]+:/, 'scoped inline options such as (?i:…)'],
  [
    /^\(\?[imnsx-]+\)/,
    'an inline option after the start of the pattern (only leading ones such as (?i) are translated)',
  ],
];

const boundary = (negated: boolean) =>
  negated
    ? `(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`
    : `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;

/** Translates a .NET pattern; throws {@link RegexTranslationError} naming the construct it cannot keep. */
export function translateDotNetRegex(pattern: string): TranslatedRegex {
  let index = 0;
  const options = { i: false, m: false, s: false };
  for (let lead = /^\(\?([imnsx]+)(?:-([imnsx]+))?\)/.exec(pattern); lead;) {
    for (const option of lead[1]!) {
      if (option === 'x') throw unsupported('the x option (ignore pattern whitespace)');
      if (option === 'n') throw unsupported('the n option (explicit capture)');
      options[option as 'i' | 'm' | 's'] = true;
    }
    for (const option of lead[2] ?? '') if (option in options) options[option as 'i' | 'm' | 's'] = false;
    index += lead[0].length;
    lead = /^\(\?([imnsx]+)(?:-([imnsx]+))?\)/.exec(pattern.slice(index));
  }
  const groups = scanGroups(pattern);
  const names = groups.flatMap((group) => (group.name ? [group.name] : []));
  for (const name of names) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      if (name.includes('-')) throw unsupported(`balancing groups (?<${name}>…)`);
      throw unsupported(`the group name "${name}" (JavaScript allows letters, digits and _)`);
    }
  }
  const duplicate = names.find((name, at) => names.indexOf(name) !== at);
  if (duplicate) throw unsupported(`the group name "${duplicate}" used twice`);
  const groupNumbers = numbering(groups);
  let countsCharacters = false;
  let out = '';

  while (index < pattern.length) {
    const char = pattern[index] as string;
    const rest = pattern.slice(index);
    if (char === '\\') {
      const next = pattern[index + 1];
      if (next === undefined) throw new RegexTranslationError('a trailing backslash');
      index += 2;
      if (next === 'A') out += '(?<![\\s\\S])';
      else if (next === 'z') out += '(?![\\s\\S])';
      else if (next === 'Z') out += '(?=\\n?(?![\\s\\S]))';
      else if (next === 'G') throw unsupported('the \\G anchor (continue where the last match ended)');
      else if (next === 'b' || next === 'B') out += boundary(next === 'B');
      else if (next === 'd' || next === 'D') out += next === 'd' ? DIGIT : `[^${DIGIT}]`;
      else if (next === 'w' || next === 'W') out += next === 'w' ? WORD : `[^${WORD}]`;
      else if (next === 's' || next === 'S') out += next === 's' ? SPACE : `[^${SPACE}]`;
      else if (next === 'p' || next === 'P') {
        const category = readCategory(pattern, index);
        out += `\\${next}{${category.name}}`;
        index = category.end;
      } else if (next === 'k') {
        const reference = /^(?:<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)')/.exec(pattern.slice(index));
        if (!reference) throw new RegexTranslationError('\\k needs a group name, e.g. \\k<name>');
        out += `\\k<${reference[1] ?? reference[2]}>`;
        index += reference[0].length;
      } else if (/[1-9]/.test(next)) {
        const digits = /^\d*/.exec(pattern.slice(index))![0];
        const netNumber = Number(next + digits);
        const jsNumber = groupNumbers.get(netNumber);
        if (jsNumber === undefined)
          throw new RegexTranslationError(`the reference \\${netNumber} to a missing group`);
        out += `(?:\\${jsNumber})`;
        index += digits.length;
      } else {
        const literal = escapeLiteral(pattern, index - 1);
        out += literal.text;
        index = literal.end;
      }
      if (/[DWSP]/.test(next)) countsCharacters = true;
      continue;
    }
    if (char === '[') {
      const translated = translateClass(pattern, index);
      out += translated.text;
      countsCharacters ||= translated.negated;
      index = translated.end;
      continue;
    }
    if (char === '(') {
      for (const [form, what] of UNSUPPORTED_GROUPS) if (form.test(rest)) throw unsupported(what);
      const comment = /^\(\?#[^)]*\)/.exec(rest);
      if (comment) {
        index += comment[0].length;
        continue;
      }
      const named = /^\(\?(?:<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)')/.exec(rest);
      if (named) {
        out += `(?<${named[1] ?? named[2]}>`;
        index += named[0].length;
        continue;
      }
      const special = /^\(\?(?:[:=!]|<[=!])/.exec(rest);
      if (rest.startsWith('(?') && !special) throw unsupported(`the group form "${rest.slice(0, 4)}…"`);
      out += special ? special[0] : '(';
      index += special ? special[0].length : 1;
      continue;
    }
    if (char === '{') {
      const quantifier = /^\{\d+(?:,\d*)?\}/.exec(rest);
      out += quantifier ? quantifier[0] : '\\{';
      index += quantifier ? quantifier[0].length : 1;
      continue;
    }
    if (char === '}' || char === ']') out += `\\${char}`;
    else if (char === '.') {
      out += options.s ? '[\\s\\S]' : '[^\\n]';
      countsCharacters = true;
    } else if (char === '^') out += options.m ? '(?<![^\\n])' : '^';
    else if (char === '$') out += options.m ? '(?![^\\n])' : '(?=\\n?(?![\\s\\S]))';
    else out += char;
    index += 1;
  }
  return {
    source: out,
    flags: `v${options.i ? 'i' : ''}`,
    groupNumbers,
    groupNames: names,
    countsCharacters,
  };
}

const ASTRAL = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;

/** A translated pattern, ready to run the way .NET would. */
export class DotNetRegex {
  readonly translated: TranslatedRegex;
  private readonly once: RegExp;

  constructor(readonly pattern: string) {
    try {
      this.translated = translateDotNetRegex(pattern);
      this.once = new RegExp(this.translated.source, this.translated.flags);
    } catch (error) {
      const reason = (error as Error).message.replace(/^Invalid regular expression: .*?: /, '');
      const unsupportedConstruct = error instanceof RegexTranslationError && error.unsupported;
      throw new RegexTranslationError(
        unsupportedConstruct
          ? `the regular expression "${pattern}" uses ${reason}, which the preview cannot run as .NET does`
          : `invalid regular expression "${pattern}": ${reason}`,
        unsupportedConstruct,
      );
    }
  }

  /** A fresh global (and, with `indices`, `d`) copy for iterating over matches. */
  global(indices = false): RegExp {
    return new RegExp(this.translated.source, `${this.translated.flags}g${indices ? 'd' : ''}`);
  }

  /** Refuses inputs on which .NET and JavaScript would count characters differently. */
  guard(input: string): string {
    if (this.translated.countsCharacters && ASTRAL.test(input)) {
      throw new Error(
        `"${input}" contains a character outside the Basic Multilingual Plane (such as an emoji); .NET counts ` +
          `it as two characters, so the preview cannot promise Entra's result for the regex "${this.pattern}"`,
      );
    }
    return input;
  }

  test(input: string): boolean {
    return this.once.test(this.guard(input));
  }

  exec(input: string): RegExpExecArray | null {
    return this.once.exec(this.guard(input));
  }
}

/** Compiles a .NET pattern (cached: scoping and Replace compile the same few patterns many times). */
const cache = new Map<string, DotNetRegex>();
export function compileDotNetRegex(pattern: string): DotNetRegex {
  let regex = cache.get(pattern);
  if (!regex) {
    regex = new DotNetRegex(pattern);
    if (cache.size < 500) cache.set(pattern, regex);
  }
  return regex;
}

/** The error message for a pattern the preview cannot run as .NET would, or null when it can. */
export function regexProblem(pattern: string): string | null {
  try {
    compileDotNetRegex(pattern);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
