/**
 * FUNC's Replace points to .NET's regular expressions, and Entra evaluates REGEX MATCH scoping clauses with
 * .NET too. Every pattern is translated to a JavaScript pattern with the same meaning, or refused with the
 * name of the construct (audit C14 / D9).
 */
import { describe, expect, it } from 'vitest';
import { compileDotNetRegex, regexProblem } from '../../shared/expressions';
import { run } from './evaluate-helpers';

const matches = (pattern: string, input: string) => compileDotNetRegex(pattern).test(input);

describe('.NET regex semantics (FUNC Replace → .NET regular expressions)', () => {
  it('.NET: a leading (?i) makes the pattern case-insensitive', () => {
    expect(matches('(?i)^sales$', 'SALES')).toBe(true);
    expect(matches('^sales$', 'SALES')).toBe(false);
  });
  it('.NET: (?m) and (?s) as leading options', () => {
    expect(matches('(?m)^b$', 'a\nb\nc')).toBe(true);
    expect(matches('(?s)a.b', 'a\nb')).toBe(true);
    expect(matches('a.b', 'a\nb')).toBe(false);
  });
  it('.NET: \\p{Lu} and \\p{L} are Unicode categories', () => {
    expect(matches('^\\p{Lu}', 'Sales')).toBe(true);
    expect(matches('^\\p{Lu}', 'sales')).toBe(false);
    expect(matches('^\\p{L}+$', 'Zoë')).toBe(true);
    expect(matches('^\\P{L}+$', '123')).toBe(true);
  });
  it('.NET: \\A, \\z and \\Z anchor the whole string; \\Z and $ also before a final newline', () => {
    expect(matches('\\Asales\\z', 'sales')).toBe(true);
    expect(matches('\\Asales\\z', 'sales\n')).toBe(false);
    expect(matches('\\Asales\\Z', 'sales\n')).toBe(true);
    expect(matches('^sales$', 'sales\n')).toBe(true);
    expect(matches('(?m)^a\\A', 'x\na')).toBe(false);
  });
  it('.NET: character class subtraction [a-z-[aeiou]]', () => {
    expect(matches('^[a-z-[aeiou]]+$', 'bcd')).toBe(true);
    expect(matches('^[a-z-[aeiou]]+$', 'bad')).toBe(false);
    expect(matches('^[^a-z-[x]]$', 'x')).toBe(false);
  });
  it('.NET: \\d, \\w and \\s are Unicode-aware', () => {
    expect(matches('^\\d+$', '١٢٣')).toBe(true);
    expect(matches('^\\w+$', 'Łukasz_1')).toBe(true);
    expect(matches('^\\s$', '\u00a0')).toBe(true);
    expect(matches('\\bZoë\\b', 'hi Zoë!')).toBe(true);
  });
  it('.NET: . does not match \\n but does match \\r', () => {
    expect(matches('^a.b$', 'a\rb')).toBe(true);
  });
  it(".NET: (?'name'…), escaped punctuation and literal braces", () => {
    expect(
      run(`Replace([mail], , "(?'user'[^@]+)\\\\@.*", , "\${user}", , )`, { mail: 'ada@contoso.com' }),
    ).toBe('ada');
    expect(matches('a{', 'a{')).toBe(true);
    expect(matches('\\#\\@', '#@')).toBe(true);
  });
  it('.NET: numbered groups count unnamed groups first, then named ones', () => {
    expect(run('Replace([v], , "(?<first>a)(b)", , "$1$2", , )', { v: 'ab' })).toBe('ba');
    expect(run('Replace([v], , "(a)(b)", , "$2$1$$", , )', { v: 'ab' })).toBe('ba$');
    expect(run('Replace([v], , "[[](a)", , "$1", , )', { v: '[a' })).toBe('a');
  });
  it('.NET: ${1}, $+, $_ and $& in a replacement', () => {
    expect(run('Replace([v], , "(a)(b)", , "${1}-$+-$&", , )', { v: 'ab' })).toBe('a-b-ab');
    expect(run('Replace([v], , "b", , "[$_]", , )', { v: 'ab' })).toBe('a[ab]');
    expect(run('Replace([v], , "(a)", , "${nope}", , )', { v: 'a' })).toBe('${nope}');
  });
  it('.NET: $<name> is literal text in a replacement; ${name} is the group', () => {
    expect(run('Replace([v], , "(?<x>a)", , "$<x>${x}", , )', { v: 'a' })).toBe('$<x>a');
  });
  it.each([
    ['a(?i)b', 'an inline option after the start'],
    ['(?i:a)b', 'scoped inline options'],
    ['(?>a+)b', 'atomic groups'],
    ['(?<open-close>a)', 'balancing groups'],
    ['(?(a)b|c)', 'conditionals'],
    ['\\Ga', 'the \\G anchor'],
    ['\\p{IsGreek}', 'the Unicode block \\p{IsGreek}'],
    ['(?x) a b', 'the x option'],
  ])('refuses %s, naming the construct (%s)', (pattern, construct) => {
    expect(regexProblem(pattern)).toContain(construct);
    expect(regexProblem(pattern)).toContain('cannot run as .NET does');
  });
  it('refuses what .NET refuses too', () => {
    expect(regexProblem('\\q')).toContain('\\q is not a .NET escape');
    expect(regexProblem('[z-a]')).toContain('reverse order');
    expect(regexProblem('([a-z')).toContain('invalid regular expression');
  });
  it('refuses a value with an emoji when .NET would count it as two characters', () => {
    expect(() => matches('^.{2}$', 'a😀')).toThrow(/outside the Basic Multilingual Plane/);
    expect(matches('^a', 'a😀')).toBe(true);
  });
});
