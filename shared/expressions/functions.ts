/**
 * The functions this preview evaluates, with the argument counts and null behaviour of Microsoft's
 * "functions for customizing application data" reference. Where the reference is silent, a null source
 * gives null (the attribute is then not sent, as Entra never provisions nulls) and the choice is noted.
 */
import { DATA_FUNCTIONS } from './data-functions';
import { DATE_FUNCTIONS } from './date-functions';
import { formatDateTime, parseDateTime } from './date-format';
import { list, stringMap, text, type FunctionSpec } from './function-types';
import { normalizeDiacritics } from './normalize-diacritics';
import { changeCase, properCase, replace, word } from './text-functions';
import { IgnoreFlowSignal, isNullOrEmpty, toBoolean, toInteger } from './values';

export type { EvaluationState, FunctionArgument, FunctionSpec, ResultKind } from './function-types';

export const FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  ...DATE_FUNCTIONS,
  ...DATA_FUNCTIONS,
  Append: stringMap(2, 2, (source, args, state) => source + (text(args[1], state, 'suffix') ?? '')),
  CBool: {
    minArgs: 1,
    maxArgs: 1,
    returns: 'boolean',
    run: (args, state) => toBoolean(args[0]!.value(state), 'CBool'),
  },
  Coalesce: {
    minArgs: 1,
    maxArgs: Infinity,
    returns: 'any',
    run: (args, state) => {
      for (const arg of args) {
        const value = arg.value(state);
        if (value !== null) return value;
      }
      return null;
    },
  },
  CStr: { minArgs: 1, maxArgs: 1, returns: 'string', run: (args, state) => text(args[0], state, 'value') },
  FormatDateTime: {
    minArgs: 4,
    maxArgs: 4,
    returns: 'string',
    run: (args, state) => {
      const source = text(args[0], state, 'source');
      if (isNullOrEmpty(source)) return null;
      const input = text(args[2], state, 'inputFormat');
      const output = text(args[3], state, 'outputFormat');
      if (!input || !output) throw new Error('inputFormat and outputFormat are required');
      return formatDateTime(parseDateTime(source as string, input), output);
    },
  },
  IgnoreFlowIfNullOrEmpty: {
    minArgs: 1,
    maxArgs: 1,
    returns: 'any',
    run: (args, state) => {
      const value = args[0]!.value(state);
      if (isNullOrEmpty(value)) throw new IgnoreFlowSignal();
      return value;
    },
  },
  IIF: {
    minArgs: 3,
    maxArgs: 3,
    returns: 'any',
    run: (args, state) => {
      let condition: boolean;
      state.strictNulls += 1;
      try {
        condition = toBoolean(args[0]!.value(state), 'IIF condition');
      } finally {
        state.strictNulls -= 1;
      }
      return (condition ? args[1] : args[2])!.value(state);
    },
  },
  IsNull: {
    minArgs: 1,
    maxArgs: 1,
    returns: 'boolean',
    run: (args, state) => list(args[0]!.value(state)).length === 0,
  },
  IsNullOrEmpty: {
    minArgs: 1,
    maxArgs: 1,
    returns: 'boolean',
    run: (args, state) => isNullOrEmpty(args[0]!.value(state)),
  },
  IsPresent: {
    minArgs: 1,
    maxArgs: 1,
    returns: 'boolean',
    run: (args, state) => !isNullOrEmpty(args[0]!.value(state)),
  },
  IsString: {
    minArgs: 1,
    maxArgs: 1,
    returns: 'boolean',
    run: (args, state) => typeof args[0]!.value(state) === 'string',
  },
  Item: {
    minArgs: 2,
    maxArgs: 2,
    returns: 'string',
    run: (args, state) => {
      const index = toInteger(args[1]!.value(state), 'index');
      if (index < 1) throw new Error(`index is 1-based; ${index} is not a valid item number`);
      return list(args[0]!.value(state))[index - 1] ?? null;
    },
  },
  Join: {
    minArgs: 2,
    maxArgs: Infinity,
    returns: 'string',
    run: (args, state) => {
      const separator = text(args[0], state, 'separator') ?? '';
      // Null and empty sources are skipped: Microsoft's example Join(", ", "", [surname], [givenName]) gives "Doe, John".
      return args
        .slice(1)
        .flatMap((arg) => list(arg.value(state)))
        .filter((value) => value !== '')
        .join(separator);
    },
  },
  Left: {
    minArgs: 2,
    maxArgs: 2,
    returns: 'string',
    run: (args, state) => {
      const source = text(args[0], state, 'String');
      const count = toInteger(args[1]!.value(state), 'NumChars');
      if (source === null) return '';
      if (count < 0) return source;
      return source.slice(0, count);
    },
  },
  Mid: stringMap(3, 3, (source, args, state) => {
    const start = toInteger(args[1]!.value(state), 'start');
    const length = toInteger(args[2]!.value(state), 'length');
    if (start < 1) throw new Error(`start is 1-based; ${start} is not a valid position`);
    if (length < 0) throw new Error(`length cannot be negative (${length})`);
    return source.slice(start - 1, start - 1 + length);
  }),
  NormalizeDiacritics: stringMap(1, 1, normalizeDiacritics),
  Not: {
    minArgs: 1,
    maxArgs: 1,
    returns: 'boolean',
    run: (args, state) => {
      const value = args[0]!.value(state);
      return !(value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true'));
    },
  },
  PCase: stringMap(1, 2, (source, args, state) =>
    properCase(source, text(args[1], state, 'wordSeparators') || null),
  ),
  Replace: { minArgs: 7, maxArgs: 7, returns: 'string', regexArg: 2, run: replace },
  SingleAppRoleAssignment: {
    minArgs: 1,
    maxArgs: 1,
    returns: 'string',
    run: (args, state) => {
      const roles = list(args[0]!.value(state));
      if (roles.length <= 1) return roles[0] ?? null;
      // MAP: with several roles "there's no guarantee which role is provisioned". Entra does not fail the
      // user, so neither do we: the first in ordinal order, so the pick does not depend on file order.
      const chosen = [...roles].sort()[0]!;
      state.assumptions.push(
        `SingleAppRoleAssignment: the user has ${roles.length} app roles and Entra does not say which one it sends; the preview shows "${chosen}" (assumed)`,
      );
      return chosen;
    },
  },
  Split: {
    minArgs: 2,
    maxArgs: 2,
    returns: 'list',
    run: (args, state) => {
      const source = text(args[0], state, 'source');
      const delimiter = text(args[1], state, 'delimiter');
      if (source === null) return null;
      if (!delimiter) throw new Error('delimiter cannot be empty');
      return source.split(delimiter);
    },
  },
  StripSpaces: stringMap(1, 1, (source) => source.replaceAll(' ', '')),
  Switch: {
    minArgs: 4,
    maxArgs: Infinity,
    evenArgs: true,
    returns: 'any',
    run: (args, state) => {
      // A null source matches the key "": Microsoft's documented way to test for empty values.
      const source = text(args[0], state, 'source') ?? '';
      for (let index = 2; index + 1 < args.length; index += 2) {
        if (text(args[index], state, 'key') === source) return args[index + 1]!.value(state);
      }
      return args[1]!.value(state);
    },
  },
  ToLower: {
    minArgs: 1,
    maxArgs: 2,
    returns: 'string',
    run: (args, state) => changeCase(args, state, false),
  },
  ToUpper: { minArgs: 1, maxArgs: 2, returns: 'string', run: (args, state) => changeCase(args, state, true) },
  Word: { minArgs: 3, maxArgs: 3, returns: 'string', run: word },
};

/**
 * Every function Microsoft lists: FUNC's 43 and MAP's AssertiveAppRoleAssignmentsComplex. All are evaluated;
 * the list exists so a test can prove it.
 */
export const ENTRA_FUNCTION_NAMES: readonly string[] = Object.keys(FUNCTIONS).sort();

/** Functions whose value Entra produces afresh on every evaluation; the preview fixes a clock and seed. */
export const VOLATILE_FUNCTIONS: readonly string[] = Object.entries(FUNCTIONS)
  .filter(([, spec]) => spec.volatile)
  .map(([name]) => name);
