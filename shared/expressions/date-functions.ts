/**
 * FUNC's date functions: CDate, DateAdd, DateDiff, Now, DateFromNum, NumFromDate.
 *
 * Entra passes DateTime values between these functions; here a DateTime travels as the string FUNC says
 * CDate, DateAdd and Now return: UTC in the form M/d/yyyy h:mm:ss tt. DateDiff follows VB.NET's
 * DateAndTime.DateDiff (days, hours, minutes and seconds are whole elapsed units; months and years count
 * calendar boundaries; weeks count from the Sunday of each date), which reproduces every row of FUNC's table.
 */
import { formatDateTime } from './date-format';
import { text, type FunctionSpec } from './function-types';
import { toInteger } from './values';

/** The form FUNC documents for CDate, DateAdd and Now. */
export const ENTRA_DATE_FORMAT = 'M/d/yyyy h:mm:ss tt';

export const printEntraDate = (date: Date): string => formatDateTime(date, ENTRA_DATE_FORMAT);

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const US =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
}

/**
 * Reads the date strings FUNC's examples use: ISO 8601 dates with or without a time and offset
 * ("2012-03-16-07:00", "2009-06-15T01:45:30-07:00", "2021-08-24") and Entra's own M/d/yyyy h:mm:ss tt.
 * A string without an offset is taken as UTC (assumed: Entra's service clock is UTC). Other forms that
 * .NET's DateTime.Parse might accept are refused rather than guessed.
 */
export function parseEntraDate(value: string): Date {
  const trimmed = value.trim();
  const iso = ISO.exec(trimmed);
  const us = iso ? null : US.exec(trimmed);
  if (!iso && !us) {
    throw new Error(
      `cannot read "${value}" as a date; use ISO 8601 (2021-06-30, 2009-06-15T01:45:30-07:00) or ` +
        'M/d/yyyy h:mm:ss tt, or convert it with FormatDateTime first',
    );
  }
  let [year, month, day, hour, minute, second, fraction, zone] = [0, 0, 0, 0, 0, 0, 0, ''] as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    string | undefined,
  ];
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    [hour, minute, second] = [Number(iso[4] ?? 0), Number(iso[5] ?? 0), Number(iso[6] ?? 0)];
    fraction = iso[7] ? Math.round(Number(`0.${iso[7]}`) * 1000) : 0;
    zone = iso[8];
  } else if (us) {
    [month, day, year] = [Number(us[1]), Number(us[2]), Number(us[3])];
    [hour, minute, second] = [Number(us[4] ?? 0), Number(us[5] ?? 0), Number(us[6] ?? 0)];
    if (us[7]) hour = (hour % 12) + (us[7].toUpperCase() === 'PM' ? 12 : 0);
    zone = us[8];
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, fraction);
  const check = new Date(utc);
  if (
    check.getUTCDate() !== day ||
    check.getUTCMonth() !== month - 1 ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    throw new Error(`"${value}" is not a valid date and time`);
  }
  return new Date(utc - offsetMinutes(zone) * 60_000);
}

const INTERVALS = ['yyyy', 'm', 'd', 'ww', 'h', 'n', 's'] as const;
type Interval = (typeof INTERVALS)[number];

function interval(value: string | null): Interval {
  if (!value || !(INTERVALS as readonly string[]).includes(value)) {
    throw new Error(
      `interval "${value ?? ''}" is not one of ${INTERVALS.map((name) => `"${name}"`).join(', ')}`,
    );
  }
  return value as Interval;
}

/** .NET AddMonths: the day is clamped to the last day of the resulting month. */
function addMonths(date: Date, months: number): Date {
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(date.getTime());
  result.setUTCFullYear(year, month, Math.min(date.getUTCDate(), lastDay));
  return result;
}

const UNIT_MS: Readonly<Record<'d' | 'ww' | 'h' | 'n' | 's', number>> = {
  d: 86_400_000,
  ww: 7 * 86_400_000,
  h: 3_600_000,
  n: 60_000,
  s: 1000,
};

export function dateAdd(unit: Interval, amount: number, date: Date): Date {
  if (unit === 'yyyy') return addMonths(date, amount * 12);
  if (unit === 'm') return addMonths(date, amount);
  return new Date(date.getTime() + amount * UNIT_MS[unit]);
}

export function dateDiff(unit: Interval, first: Date, second: Date): number {
  if (unit === 'yyyy') return second.getUTCFullYear() - first.getUTCFullYear();
  if (unit === 'm') {
    return (
      (second.getUTCFullYear() - first.getUTCFullYear()) * 12 + second.getUTCMonth() - first.getUTCMonth()
    );
  }
  if (unit === 'ww') {
    const sunday = (date: Date) => date.getTime() - date.getUTCDay() * UNIT_MS.d;
    return Math.trunc((sunday(second) - sunday(first)) / UNIT_MS.ww) || 0;
  }
  return Math.trunc((second.getTime() - first.getTime()) / UNIT_MS[unit]) || 0;
}

/** Active Directory's date format: 100-nanosecond intervals since 1601-01-01 UTC. */
const FILETIME_EPOCH_MS = BigInt(Date.UTC(1601, 0, 1));

const dateArgument = (value: string | null, what: string): Date | null =>
  value === null || value === ''
    ? null
    : (() => {
        try {
          return parseEntraDate(value);
        } catch (error) {
          throw new Error(`${what}: ${(error as Error).message}`);
        }
      })();

export const DATE_FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  CDate: {
    minArgs: 1,
    maxArgs: 1,
    returns: 'string',
    run: (args, state) => {
      const date = dateArgument(text(args[0], state, 'expression'), 'expression');
      return date && printEntraDate(date);
    },
  },
  DateAdd: {
    minArgs: 3,
    maxArgs: 3,
    returns: 'string',
    run: (args, state) => {
      const unit = interval(text(args[0], state, 'interval'));
      const amount = toInteger(args[1]!.value(state), 'value');
      const date = dateArgument(text(args[2], state, 'dateTime'), 'dateTime');
      return date && printEntraDate(dateAdd(unit, amount, date));
    },
  },
  DateDiff: {
    minArgs: 3,
    maxArgs: 3,
    returns: 'number',
    run: (args, state) => {
      const unit = interval(text(args[0], state, 'interval'));
      const first = dateArgument(text(args[1], state, 'date1'), 'date1');
      const second = dateArgument(text(args[2], state, 'date2'), 'date2');
      return first && second ? dateDiff(unit, first, second) : null;
    },
  },
  Now: {
    minArgs: 0,
    maxArgs: 0,
    returns: 'string',
    volatile: true,
    run: (_args, state) => printEntraDate(state.clock.now),
  },
  DateFromNum: {
    minArgs: 1,
    maxArgs: 1,
    returns: 'string',
    run: (args, state) => {
      const value = text(args[0], state, 'value');
      if (value === null || value.trim() === '') return null;
      if (!/^\s*\d+\s*$/.test(value)) throw new Error(`"${value}" is not an Active Directory date number`);
      const ms = FILETIME_EPOCH_MS + BigInt(value.trim()) / 10_000n;
      return printEntraDate(new Date(Number(ms)));
    },
  },
  NumFromDate: {
    minArgs: 1,
    maxArgs: 1,
    // A string: AD date numbers (about 1.3 × 10^17) do not fit a JavaScript number exactly.
    returns: 'string',
    run: (args, state) => {
      const date = dateArgument(text(args[0], state, 'value'), 'value');
      if (!date) return null;
      return String((BigInt(date.getTime()) - FILETIME_EPOCH_MS) * 10_000n);
    },
  },
};
