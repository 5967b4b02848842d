/**
 * .NET replacement strings for Replace: `$1`, `${name}`, `${1}`, `$$`, `$&`, `` $` ``, `$'`, `$+`, `$_`.
 * Expanded by hand because JavaScript's syntax differs (`$<name>` is JavaScript's and literal in .NET; .NET
 * has `$+` and `$_`; group numbers differ when named and unnamed groups mix).
 */
import type { DotNetRegex } from './regex';

/** The text of .NET group `key` (a number or a name) in `match`, or undefined when no such group exists. */
function group(regex: DotNetRegex, match: RegExpMatchArray, key: string): string | undefined {
  if (/^\d+$/.test(key)) {
    const number = Number(key);
    if (number === 0) return match[0];
    const js = regex.translated.groupNumbers.get(number);
    return js === undefined ? undefined : (match[js] ?? '');
  }
  return match.groups && key in match.groups ? (match.groups[key] ?? '') : undefined;
}

export function expandDotNetReplacement(
  replacement: string,
  regex: DotNetRegex,
  match: RegExpMatchArray,
  input: string,
): string {
  const { groupNumbers } = regex.translated;
  const at = match.index ?? 0;
  let out = '';
  for (let i = 0; i < replacement.length; i += 1) {
    const char = replacement[i] as string;
    const next = replacement[i + 1];
    if (char !== '$' || next === undefined) {
      out += char;
      continue;
    }
    const braced = /^\{([A-Za-z_]\w*|\d+)\}/.exec(replacement.slice(i + 1));
    if (braced) {
      // An unknown group stays as written, as .NET leaves it.
      out += group(regex, match, braced[1]!) ?? `$${braced[0]}`;
      i += braced[0].length;
      continue;
    }
    if (/\d/.test(next)) {
      // .NET takes the longest run of digits that names an existing group.
      const digits = /^\d+/.exec(replacement.slice(i + 1))![0];
      let length = digits.length;
      while (length > 1 && !groupNumbers.has(Number(digits.slice(0, length)))) length -= 1;
      const value = group(regex, match, digits.slice(0, length));
      if (value === undefined) out += '$';
      else {
        out += value;
        i += length;
      }
      continue;
    }
    const special: Record<string, () => string> = {
      $: () => '$',
      '&': () => match[0],
      '`': () => input.slice(0, at),
      "'": () => input.slice(at + match[0].length),
      '+': () => {
        const last = Math.max(0, ...groupNumbers.keys());
        return last === 0 ? '' : (group(regex, match, String(last)) ?? '');
      },
      _: () => input,
    };
    const expand = special[next];
    if (expand) {
      out += expand();
      i += 1;
    } else out += '$';
  }
  return out;
}
