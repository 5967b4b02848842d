/**
 * The larger string functions: PCase, ToLower/ToUpper with a culture, Replace's five modes, and Word.
 */
import { compileDotNetRegex } from './regex';
import { expandDotNetReplacement } from './regex-replacement';
import { text, type EvaluationState, type FunctionArgument } from './function-types';
import { isNullOrEmpty, toInteger, type ExpressionValue } from './values';

/**
 * .NET changes case one character at a time (Unicode simple case mapping): "ß" stays "ß" in ToUpper, where
 * JavaScript's full mapping gives "SS". A character whose JavaScript mapping is longer than one character is
 * kept, except "İ", whose simple lower-case mapping is "i".
 */
function simpleCase(source: string, map: (char: string) => string): string {
  let out = '';
  for (const char of source) {
    const mapped = map(char);
    out += [...mapped].length === 1 ? mapped : char === 'İ' && mapped.startsWith('i') ? 'i' : char;
  }
  return out;
}

export function properCase(source: string, separators: string | null): string {
  const isSeparator = separators
    ? (char: string) => separators.includes(char)
    : (char: string) => !/[\p{L}\p{N}\p{M}]/u.test(char);
  let result = '';
  let atWordStart = true;
  for (const char of source) {
    result += simpleCase(char, atWordStart ? (c) => c.toUpperCase() : (c) => c.toLowerCase());
    atWordStart = isSeparator(char);
  }
  return result;
}

export function changeCase(
  args: readonly FunctionArgument[],
  state: EvaluationState,
  upper: boolean,
): ExpressionValue {
  const source = text(args[0], state, 'source');
  if (source === null) return null;
  const culture = text(args[1], state, 'culture');
  if (!culture) {
    // Invariant culture.
    return simpleCase(source, upper ? (c) => c.toUpperCase() : (c) => c.toLowerCase());
  }
  try {
    'a'.toLocaleUpperCase(culture);
  } catch {
    throw new Error(`"${culture}" is not a culture name such as en-US or tr-TR`);
  }
  return simpleCase(
    source,
    upper ? (c) => c.toLocaleUpperCase(culture) : (c) => c.toLocaleLowerCase(culture),
  );
}

export function replace(args: readonly FunctionArgument[], state: EvaluationState): ExpressionValue {
  const [source, oldValue, pattern, groupName, replacement, replacementAttribute, template] = [
    0, 1, 2, 3, 4, 5, 6,
  ].map((index) => args[index]);
  const given = (arg: FunctionArgument | undefined): arg is FunctionArgument => arg?.provided === true;
  const sourceText = text(source, state, 'source');
  if (given(pattern) && given(groupName) && given(replacementAttribute)) {
    // Fallback mode: keep a present source, else extract the named group from the other attribute.
    if (!isNullOrEmpty(sourceText)) return sourceText;
    const other = text(replacementAttribute, state, 'replacementAttributeName');
    if (other === null) return null;
    const match = compileDotNetRegex(text(pattern, state, 'regexPattern') ?? '').exec(other);
    return match?.groups?.[text(groupName, state, 'regexGroupName') ?? ''] ?? null;
  }
  if (given(oldValue) && given(template)) {
    if (sourceText === null) return null;
    return (text(template, state, 'template') ?? '').replaceAll(
      text(oldValue, state, 'oldValue') ?? '',
      sourceText,
    );
  }
  if (sourceText === null) return null;
  const replacementText = text(replacement, state, 'replacementValue') ?? '';
  if (given(oldValue)) {
    const old = text(oldValue, state, 'oldValue') ?? '';
    return old === '' ? sourceText : sourceText.replaceAll(old, replacementText);
  }
  if (given(pattern)) {
    const regexText = text(pattern, state, 'regexPattern') ?? '';
    if (given(groupName)) {
      const group = text(groupName, state, 'regexGroupName') ?? '';
      const regex = compileDotNetRegex(regexText);
      let result = '';
      let last = 0;
      for (const match of regex.guard(sourceText).matchAll(regex.global(true))) {
        const span = match.indices?.groups?.[group];
        if (!span) continue;
        result += sourceText.slice(last, span[0]) + replacementText;
        last = span[1];
      }
      return result + sourceText.slice(last);
    }
    const regex = compileDotNetRegex(regexText);
    let result = '';
    let last = 0;
    for (const match of regex.guard(sourceText).matchAll(regex.global())) {
      result +=
        sourceText.slice(last, match.index) +
        expandDotNetReplacement(replacementText, regex, match, sourceText);
      last = match.index + match[0].length;
    }
    return result + sourceText.slice(last);
  }
  throw new Error('give oldValue with replacementValue or template, or regexPattern with replacementValue');
}

export function word(args: readonly FunctionArgument[], state: EvaluationState): string {
  const source = text(args[0], state, 'String');
  const number = toInteger(args[1]?.value(state) ?? null, 'WordNumber');
  const delimiters = text(args[2], state, 'delimiters') ?? '';
  if (source === null || number < 1) return '';
  const words: string[] = [];
  let current = '';
  for (const char of source) {
    if (delimiters.includes(char)) {
      if (current) words.push(current);
      current = '';
    } else current += char;
  }
  if (current) words.push(current);
  return words[number - 1] ?? '';
}
