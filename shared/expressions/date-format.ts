/**
 * FormatDateTime's engine: parse a string with a .NET custom date format, print it with another.
 *
 * Implements the specifiers admins use in provisioning mappings (yyyy yy MM M dd d HH H hh h mm m ss s
 * f…fffffff tt zzz zz z K, literal "Z", quoted literals and `\` escapes), and month and day names (MMM MMMM
 * ddd dddd) in the invariant culture's English spelling — .NET names depend on the culture, and FUNC does not
 * say which one Entra uses (assumed: invariant). Times without an offset are taken as UTC, like
 * DateTimeStyles.RoundtripKind with no zone information keeps them unconverted.
 */

type Piece = { literal: string } | { specifier: string };

const SPECIFIER_LETTERS = 'yMdHhmsfFtzK';

function tokenizeFormat(format: string): Piece[] {
  const pieces: Piece[] = [];
  let index = 0;
  while (index < format.length) {
    const char = format[index] as string;
    if (char === '\\') {
      pieces.push({ literal: format[index + 1] ?? '' });
      index += 2;
    } else if (char === '"' || char === "'") {
      const close = format.indexOf(char, index + 1);
      if (close === -1) throw new Error(`The date format "${format}" has an unclosed quote`);
      pieces.push({ literal: format.slice(index + 1, close) });
      index = close + 1;
    } else if (SPECIFIER_LETTERS.includes(char)) {
      let end = index;
      while (format[end] === char) end += 1;
      pieces.push({ specifier: format.slice(index, end) });
      index = end;
    } else {
      pieces.push({ literal: char });
      index += 1;
    }
  }
  return pieces;
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Offset east of UTC in minutes. */
  offsetMinutes: number;
}

const NUMERIC_WIDTHS: Readonly<Record<string, [number, number]>> = {
  yyyy: [4, 4],
  yy: [2, 2],
  MM: [2, 2],
  M: [1, 2],
  dd: [2, 2],
  d: [1, 2],
  HH: [2, 2],
  H: [1, 2],
  hh: [2, 2],
  h: [1, 2],
  mm: [2, 2],
  m: [1, 2],
  ss: [2, 2],
  s: [1, 2],
};

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Reads a month or day name at the start of `text`: its 0-based index and length, or null. */
function readName(text: string, names: readonly string[], abbreviated: boolean): [number, number] | null {
  for (let index = 0; index < names.length; index += 1) {
    const name = abbreviated ? names[index]!.slice(0, 3) : names[index]!;
    if (text.slice(0, name.length).toLowerCase() === name.toLowerCase()) return [index, name.length];
  }
  return null;
}

function unsupported(specifier: string): never {
  throw new Error(`The date format specifier "${specifier}" is not supported by this preview`);
}

export function parseDateTime(text: string, format: string): Date {
  const parts: Parts = {
    year: 1,
    month: 1,
    day: 1,
    hour: 0,
    minute: 0,
    second: 0,
    millisecond: 0,
    offsetMinutes: 0,
  };
  let pm: boolean | undefined;
  let dayOfWeek: number | undefined;
  const input = text.trim(); // AllowLeadingWhite | AllowTrailingWhite are in Entra's default styles.
  let index = 0;
  const mismatch = (): never => {
    throw new Error(`"${text}" does not match the date format "${format}"`);
  };
  for (const piece of tokenizeFormat(format)) {
    if ('literal' in piece) {
      if (!input.startsWith(piece.literal, index)) mismatch();
      index += piece.literal.length;
      continue;
    }
    const spec = piece.specifier;
    const widths = NUMERIC_WIDTHS[spec];
    if (widths) {
      const match = new RegExp(`^\\d{${widths[0]},${widths[1]}}`).exec(input.slice(index)) ?? mismatch();
      const value = Number(match[0]);
      index += match[0].length;
      const letter = spec[0];
      if (letter === 'y') parts.year = spec === 'yy' ? 2000 + value - (value > 29 ? 100 : 0) : value;
      else if (letter === 'M') parts.month = value;
      else if (letter === 'd') parts.day = value;
      else if (letter === 'H' || letter === 'h') parts.hour = value;
      else if (letter === 'm') parts.minute = value;
      else parts.second = value;
    } else if (spec === 'MMM' || spec === 'MMMM') {
      const [month, length] = readName(input.slice(index), MONTHS, spec === 'MMM') ?? mismatch();
      parts.month = month + 1;
      index += length;
    } else if (spec === 'ddd' || spec === 'dddd') {
      // The day name is read and, as in .NET, must agree with the date (checked below).
      const [day, length] = readName(input.slice(index), DAYS, spec === 'ddd') ?? mismatch();
      dayOfWeek = day;
      index += length;
    } else if (/^[fF]{1,7}$/.test(spec)) {
      const match = new RegExp(`^\\d{1,${spec.length}}`).exec(input.slice(index)) ?? mismatch();
      parts.millisecond = Math.round(Number(`0.${match[0]}`) * 1000);
      index += match[0].length;
    } else if (spec === 'tt' || spec === 't') {
      const match = /^(AM|PM|A|P)/i.exec(input.slice(index)) ?? mismatch();
      pm = match[0].toUpperCase().startsWith('P');
      index += match[0].length;
    } else if (/^z{1,3}$/.test(spec) || spec === 'K') {
      const match = /^(Z|[+-]\d{1,2}(:?\d{2})?)/.exec(input.slice(index));
      if (match) {
        index += match[0].length;
        const sign = match[0].startsWith('-') ? -1 : 1;
        const digits = match[0].replace(/[^0-9]/g, '');
        const hours = Number(digits.length > 2 ? digits.slice(0, -2) : digits || '0');
        const minutes = digits.length > 2 ? Number(digits.slice(-2)) : 0;
        parts.offsetMinutes = match[0] === 'Z' ? 0 : sign * (hours * 60 + minutes);
      } else if (spec !== 'K') mismatch();
    } else unsupported(spec);
  }
  if (index !== input.length) mismatch();
  if (pm !== undefined) parts.hour = (parts.hour % 12) + (pm ? 12 : 0);
  const utc = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
    parts.millisecond,
  );
  const date = new Date(utc - parts.offsetMinutes * 60_000);
  const check = new Date(utc);
  if (check.getUTCMonth() !== parts.month - 1 || check.getUTCDate() !== parts.day || parts.hour > 23) {
    throw new Error(`"${text}" is not a valid date`);
  }
  if (parts.minute > 59 || parts.second > 59) throw new Error(`"${text}" is not a valid time`);
  if (dayOfWeek !== undefined && check.getUTCDay() !== dayOfWeek) {
    throw new Error(`"${text}": the day name does not match the date`);
  }
  return date;
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** Prints in UTC; output offsets (z, K) are therefore always +00:00 / Z. */
export function formatDateTime(date: Date, format: string): string {
  let out = '';
  for (const piece of tokenizeFormat(format)) {
    if ('literal' in piece) {
      out += piece.literal;
      continue;
    }
    const spec = piece.specifier;
    const hour = date.getUTCHours();
    const values: Record<string, string> = {
      yyyy: pad(date.getUTCFullYear(), 4),
      yy: pad(date.getUTCFullYear() % 100, 2),
      MM: pad(date.getUTCMonth() + 1, 2),
      M: String(date.getUTCMonth() + 1),
      dd: pad(date.getUTCDate(), 2),
      d: String(date.getUTCDate()),
      HH: pad(hour, 2),
      H: String(hour),
      hh: pad(hour % 12 || 12, 2),
      h: String(hour % 12 || 12),
      mm: pad(date.getUTCMinutes(), 2),
      m: String(date.getUTCMinutes()),
      ss: pad(date.getUTCSeconds(), 2),
      s: String(date.getUTCSeconds()),
      tt: hour < 12 ? 'AM' : 'PM',
      t: hour < 12 ? 'A' : 'P',
      MMM: MONTHS[date.getUTCMonth()]!.slice(0, 3),
      MMMM: MONTHS[date.getUTCMonth()]!,
      ddd: DAYS[date.getUTCDay()]!.slice(0, 3),
      dddd: DAYS[date.getUTCDay()]!,
      zzz: '+00:00',
      zz: '+00',
      z: '+0',
      K: 'Z',
    };
    const value = values[spec];
    if (value !== undefined) out += value;
    else if (/^[fF]{1,7}$/.test(spec)) {
      const digits = pad(date.getUTCMilliseconds(), 3).padEnd(7, '0').slice(0, spec.length);
      out += spec.startsWith('F') ? digits.replace(/0+$/, '') : digits;
    } else unsupported(spec);
  }
  return out;
}
