/**
 * NormalizeDiacritics as Microsoft's table describes it: Latin letters lose their accents, and a few
 * letters that Unicode does not decompose (æ, ø, œ, ß, ł, ı) are spelled out. Only marks on Latin base
 * letters are removed, so Japanese dakuten or Devanagari vowel signs survive unchanged.
 */

const SPELLED_OUT: Readonly<Record<string, string>> = {
  æ: 'ae',
  Æ: 'AE',
  ǣ: 'ae',
  Ǣ: 'AE',
  ø: 'oe',
  Ø: 'OE',
  œ: 'oe',
  Œ: 'OE',
  ß: 'ss',
  ł: 'l',
  Ł: 'L',
  ı: 'i',
};

const COMBINING_MARK = /\p{Mn}/u;
const LATIN_BASE = /[A-Za-z]/;

export function normalizeDiacritics(source: string): string {
  let result = '';
  let previousBase = '';
  for (const char of source.normalize('NFD')) {
    if (COMBINING_MARK.test(char) && LATIN_BASE.test(previousBase)) continue;
    const spelled = SPELLED_OUT[char];
    if (spelled !== undefined) {
      result += spelled;
      previousBase = 'a';
      continue;
    }
    result += char;
    if (!COMBINING_MARK.test(char)) previousBase = char;
  }
  return result.normalize('NFC');
}
