/**
 * FUNC's remaining functions: encodings, counting, bit operations, search, generated values, Redact, and
 * the app-role functions of MAP ("Provisioning a role to a SCIM app").
 */
import { list, text, type EvaluationState, type FunctionArgument, type FunctionSpec } from './function-types';
import { seededRandom } from './volatile';
import { toInteger, type ExpressionValue } from './values';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of bytes, written out because `Buffer` is not available in the renderer. */
function base64(bytes: readonly number[]): string {
  let out = '';
  for (let index = 0; index < bytes.length; index += 3) {
    const [a, b, c] = [bytes[index]!, bytes[index + 1], bytes[index + 2]];
    const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += BASE64[(triple >> 18) & 63]! + BASE64[(triple >> 12) & 63]!;
    out += b === undefined ? '=' : BASE64[(triple >> 6) & 63]!;
    out += c === undefined ? '=' : BASE64[triple & 63]!;
  }
  return out;
}

/** .NET's Encoding.Unicode: UTF-16 little-endian, which is what FUNC's "Unicode base64" example shows. */
function utf16le(source: string): number[] {
  const bytes: number[] = [];
  for (let index = 0; index < source.length; index += 1) {
    const unit = source.charCodeAt(index);
    bytes.push(unit & 0xff, unit >> 8);
  }
  return bytes;
}

/** A whole number argument; BitAnd's &HF7 hex literals arrive as numbers already. */
function bigInteger(value: ExpressionValue, what: string): bigint {
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  const written = typeof value === 'string' ? value.trim() : null;
  if (written !== null && /^-?\d+$/.test(written)) return BigInt(written);
  throw new Error(`${what} needs a whole number but got ${written === null ? 'nothing' : `"${written}"`}`);
}

const SPECIAL_CHARACTERS = '~!@#$%^&*_-+=`|\\(){}[]:;"\'<>,.?/';
const CHARACTER_CLASSES = [
  '0123456789',
  SPECIAL_CHARACTERS,
  'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  'abcdefghijklmnopqrstuvwxyz',
] as const;

function randomString(args: readonly FunctionArgument[], state: EvaluationState): string {
  const length = toInteger(args[0]!.value(state), 'Length');
  const minimums = [1, 2, 3, 4].map((index) =>
    toInteger(
      args[index]!.value(state),
      ['MinimumNumbers', 'MinimumSpecialCharacters', 'MinimumCapital', 'MinimumLowerCase'][index - 1]!,
    ),
  );
  const avoid = text(args[5], state, 'CharactersToAvoid') ?? '';
  if (length < 1 || length > 256) throw new Error(`Length must be between 1 and 256, not ${length}`);
  if (minimums.some((minimum) => minimum < 0)) throw new Error('the minimum counts cannot be negative');
  const required = minimums.reduce((sum, minimum) => sum + minimum, 0);
  if (required > length)
    throw new Error(`Length ${length} is less than the ${required} characters the minimums ask for`);
  const pools = CHARACTER_CLASSES.map((pool) => [...pool].filter((char) => !avoid.includes(char)));
  minimums.forEach((minimum, index) => {
    if (minimum > 0 && pools[index]!.length === 0)
      throw new Error('CharactersToAvoid leaves no character for a minimum');
  });
  const random = seededRandom(state.clock.seed, state.userKey, state.site, state.calls++);
  const pick = (pool: readonly string[]) => pool[Math.floor(random() * pool.length)]!;
  const chars = minimums.flatMap((minimum, index) =>
    Array.from({ length: minimum }, () => pick(pools[index]!)),
  );
  // The rest comes from the classes the admin asked for (all four when every minimum is 0): assumed, as
  // FUNC's examples fit either reading.
  const used = pools.filter((pool, index) => minimums[index]! > 0 && pool.length > 0);
  const rest = (used.length ? used : pools.filter((pool) => pool.length > 0)).flat();
  while (chars.length < length) chars.push(pick(rest));
  for (let index = chars.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [chars[index], chars[other]] = [chars[other]!, chars[index]!];
  }
  return chars.join('');
}

function guid(state: EvaluationState): string {
  const random = seededRandom(state.clock.seed, state.userKey, state.site, state.calls++);
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4'; // version 4 (random) layout, like .NET's Guid.NewGuid()
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const all = hex.join('');
  return `${all.slice(0, 8)}-${all.slice(8, 12)}-${all.slice(12, 16)}-${all.slice(16, 20)}-${all.slice(20)}`;
}

/** VB.NET Strings.InStr: 1-based, 0 when not found, `start` when the searched-for text is empty. */
function inStr(args: readonly FunctionArgument[], state: EvaluationState): number {
  const haystack = text(args[0], state, 'value1') ?? '';
  const needle = text(args[1], state, 'value2') ?? '';
  const start = args[2]?.provided ? toInteger(args[2].value(state), 'start') : 1;
  if (start < 1) throw new Error(`start is 1-based; ${start} is not a valid position`);
  const compare = args[3]?.provided ? text(args[3], state, 'compareType') : 'vbBinaryCompare';
  if (compare !== 'vbBinaryCompare' && compare !== 'vbTextCompare') {
    throw new Error(`compareType must be vbBinaryCompare or vbTextCompare, not "${compare}"`);
  }
  if (start > haystack.length) return 0;
  if (needle === '') return start;
  const fold = (value: string) => (compare === 'vbTextCompare' ? value.toLowerCase() : value);
  return fold(haystack).indexOf(fold(needle), start - 1) + 1;
}

const roles = (args: readonly FunctionArgument[], state: EvaluationState) => list(args[0]!.value(state));

export const DATA_FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  AppRoleAssignmentsComplex: {
    minArgs: 1,
    maxArgs: 1,
    returns: 'list',
    run: (args, state) => [...roles(args, state)],
  },
  AssertiveAppRoleAssignmentsComplex: {
    minArgs: 1,
    maxArgs: 1,
    returns: 'list',
    run: (args, state) => [...roles(args, state)],
  },
  BitAnd: {
    minArgs: 2,
    maxArgs: 2,
    returns: 'number',
    run: (args, state) =>
      Number(bigInteger(args[0]!.value(state), 'value1') & bigInteger(args[1]!.value(state), 'value2')),
  },
  ConvertToBase64: {
    minArgs: 1,
    maxArgs: 1,
    returns: 'string',
    run: (args, state) => {
      const source = text(args[0], state, 'source');
      return source === null ? null : base64(utf16le(source));
    },
  },
  ConvertToUTF8Hex: {
    minArgs: 1,
    maxArgs: 1,
    returns: 'string',
    run: (args, state) => {
      const source = text(args[0], state, 'source');
      if (source === null) return null;
      return [...new TextEncoder().encode(source)]
        .map((byte) => byte.toString(16).toUpperCase().padStart(2, '0'))
        .join('');
    },
  },
  Count: {
    minArgs: 1,
    maxArgs: 1,
    returns: 'number',
    run: (args, state) => list(args[0]!.value(state)).length,
  },
  Guid: { minArgs: 0, maxArgs: 0, returns: 'string', volatile: true, run: (_args, state) => guid(state) },
  InStr: { minArgs: 2, maxArgs: 4, returns: 'number', run: inStr },
  RandomString: { minArgs: 5, maxArgs: 6, returns: 'string', volatile: true, run: randomString },
  Redact: {
    minArgs: 1,
    maxArgs: 1,
    returns: 'any',
    // The value still flows to the app; only Entra's provisioning logs show "[Redact]" instead.
    run: (args, state) => {
      state.redacted = true;
      return args[0]!.value(state);
    },
  },
  RemoveDuplicates: {
    minArgs: 1,
    maxArgs: 1,
    returns: 'list',
    // Ordinal (case-sensitive) comparison, keeping the first of each: assumed, FUNC does not say.
    run: (args, state) => {
      const values = list(args[0]!.value(state));
      return values.length === 0 ? null : [...new Set(values)];
    },
  },
  SelectUniqueValue: {
    minArgs: 2,
    maxArgs: Infinity,
    returns: 'string',
    topLevelOnly: true,
    // Entra checks each candidate against the target directory; offline there is nothing to check, so the
    // first candidate with a value is returned. Mappings to Jostle refuse it anyway (see analyze.ts).
    run: (args, state) => {
      for (const arg of args) {
        const candidate = text(arg, state, 'uniqueValueRule');
        if (candidate !== null && candidate !== '') {
          state.assumptions.push(
            'SelectUniqueValue: the preview cannot check uniqueness in the target, so it shows the first candidate (assumed)',
          );
          return candidate;
        }
      }
      return null;
    },
  },
};
