/**
 * The `key` of each function parameter in a schema's expression tree.
 *
 * Graph's attributeMappingSource keeps a function's arguments as key/value pairs and leaves omitted ones out,
 * so the key is what says which argument a value is. Graph's own example shows `Mid` as source/start/length
 * (the names of FUNC's signature) but `Replace` as source/Find/Replacement, so the engine's keys are not
 * published for every function. We write FUNC's parameter names (our assumption, docs/entra-fidelity.md L7)
 * and read a key back to a position with the same table, accepting Graph's Replace keys as well.
 */

interface Signature {
  fixed: readonly string[];
  /** A repeating tail: `Join(separator, source1, source2, …)`, `Switch(source, defaultValue, key1, value1, …)`. */
  repeat?: readonly string[];
}

const SIGNATURES: Record<string, Signature> = {
  Append: { fixed: ['source', 'suffix'] },
  AppRoleAssignmentsComplex: { fixed: ['source'] },
  BitAnd: { fixed: ['value1', 'value2'] },
  CBool: { fixed: ['expression'] },
  CDate: { fixed: ['expression'] },
  Coalesce: { fixed: [], repeat: ['source'] },
  ConvertToBase64: { fixed: ['source'] },
  ConvertToUTF8Hex: { fixed: ['source'] },
  Count: { fixed: ['attribute'] },
  CStr: { fixed: ['value'] },
  DateAdd: { fixed: ['interval', 'value', 'dateTime'] },
  DateDiff: { fixed: ['interval', 'date1', 'date2'] },
  DateFromNum: { fixed: ['value'] },
  FormatDateTime: { fixed: ['source', 'dateTimeStyles', 'inputFormat', 'outputFormat'] },
  Guid: { fixed: [] },
  IgnoreFlowIfNullOrEmpty: { fixed: ['expression'] },
  IIF: { fixed: ['condition', 'valueIfTrue', 'valueIfFalse'] },
  InStr: { fixed: ['value1', 'value2', 'start', 'compareType'] },
  IsNull: { fixed: ['expression'] },
  IsNullOrEmpty: { fixed: ['expression'] },
  IsPresent: { fixed: ['expression'] },
  IsString: { fixed: ['expression'] },
  Item: { fixed: ['attribute', 'index'] },
  Join: { fixed: ['separator'], repeat: ['source'] },
  Left: { fixed: ['string', 'numChars'] },
  Mid: { fixed: ['source', 'start', 'length'] },
  NormalizeDiacritics: { fixed: ['source'] },
  Not: { fixed: ['source'] },
  Now: { fixed: [] },
  NumFromDate: { fixed: ['value'] },
  PCase: { fixed: ['source', 'wordSeparators'] },
  RandomString: {
    fixed: [
      'length',
      'minimumNumbers',
      'minimumSpecialCharacters',
      'minimumCapital',
      'minimumLowerCase',
      'charactersToAvoid',
    ],
  },
  Redact: { fixed: ['source'] },
  RemoveDuplicates: { fixed: ['attribute'] },
  Replace: {
    fixed: [
      'source',
      'oldValue',
      'regexPattern',
      'regexGroupName',
      'replacementValue',
      'replacementAttributeName',
      'template',
    ],
  },
  SelectUniqueValue: { fixed: [], repeat: ['uniqueValueRule'] },
  SingleAppRoleAssignment: { fixed: ['source'] },
  Split: { fixed: ['source', 'delimiter'] },
  StripSpaces: { fixed: ['source'] },
  Switch: { fixed: ['source', 'defaultValue'], repeat: ['key', 'value'] },
  ToLower: { fixed: ['source', 'culture'] },
  ToUpper: { fixed: ['source', 'culture'] },
  Word: { fixed: ['string', 'wordNumber', 'delimiters'] },
};

/** Graph's example spells two Replace parameters its own way; both spellings mean the same slot. */
const ALIASES: Record<string, Record<string, number>> = { Replace: { find: 1, replacement: 4 } };

/** The key to write for argument `index` (0-based) of `functionName`. */
export function parameterKey(functionName: string, index: number): string {
  const signature = SIGNATURES[functionName];
  if (!signature) return `parameter${index + 1}`;
  if (index < signature.fixed.length) return signature.fixed[index] as string;
  const repeat = signature.repeat;
  if (!repeat) return `parameter${index + 1}`;
  const offset = index - signature.fixed.length;
  return `${repeat[offset % repeat.length]}${Math.floor(offset / repeat.length) + 1}`;
}

/** The 0-based argument position a key stands for, or undefined when the key is not one we know. */
export function parameterPosition(functionName: string, key: string): number | undefined {
  const lower = key.toLowerCase();
  const alias = ALIASES[functionName]?.[lower];
  if (alias !== undefined) return alias;
  const signature = SIGNATURES[functionName];
  const generic = /^parameter(\d+)$/.exec(lower);
  if (generic) return Number(generic[1]) - 1;
  if (!signature) return undefined;
  const fixed = signature.fixed.findIndex((name) => name.toLowerCase() === lower);
  if (fixed >= 0) return fixed;
  const repeat = signature.repeat;
  const numbered = /^([a-z]+)(\d+)$/i.exec(key);
  if (!repeat || !numbered) return undefined;
  const slot = repeat.findIndex((name) => name.toLowerCase() === (numbered[1] as string).toLowerCase());
  if (slot < 0) return undefined;
  return signature.fixed.length + (Number(numbered[2]) - 1) * repeat.length + slot;
}
