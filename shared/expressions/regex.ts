/**
 * Entra evaluates regular expressions with .NET; this preview runs them with JavaScript's engine. The two
 * agree on the syntax admins use (classes, quantifiers, anchors, `(?<name>…)` groups, `\d`, `\s`, escaped
 * punctuation such as `\@`). The differences handled here: .NET's `(?'name'…)` group spelling and its
 * `${name}` replacement syntax. No `u` flag, so matching is per UTF-16 unit as in .NET.
 * Not translated (and refused by the JavaScript engine or behaving differently): inline options such as
 * `(?i)`, possessive quantifiers, balancing groups, and `\A` / `\Z` anchors.
 */

export function compileDotNetRegex(pattern: string, flags: string): RegExp {
  const translated = pattern.replace(/\(\?'([A-Za-z_][A-Za-z0-9_]*)'/g, '(?<$1>');
  try {
    return new RegExp(translated, flags);
  } catch (error) {
    throw new Error(
      `invalid regular expression "${pattern}": ${(error as Error).message.replace(/^.*: /, '')}`,
    );
  }
}

/** Turns .NET `${name}` group references into JavaScript's `$<name>`; `$1` and `$$` mean the same in both. */
export function dotNetReplacement(replacement: string): string {
  return replacement.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, '$<$1>');
}

/** The error message for an invalid pattern, or null when it compiles. */
export function regexProblem(pattern: string): string | null {
  try {
    compileDotNetRegex(pattern, '');
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
