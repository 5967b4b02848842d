/**
 * The one way the window writes a date and time for the admin: day, month name, year and a 24-hour time,
 * "2 Dec 2026, 09:14", in the computer's time zone. The window's text is English, and a month name with a
 * 24-hour clock reads the same to an admin in the US and in Europe (2/12 would not). Entra's provisioning
 * logs are in UTC, so the Monitor step passes `utc` and says "(UTC)" beside it rather than converting.
 * Exports keep ISO 8601 timestamps: support compares them across time zones.
 */
export interface DateTimeOptions {
  seconds?: boolean;
  utc?: boolean;
  /** For tests; en-GB (the order above) by default. */
  locale?: string;
}

const cache = new Map<string, Intl.DateTimeFormat>();

type Kind = 'date-time' | 'date' | 'time';

function formatter(kind: Kind, options: DateTimeOptions): Intl.DateTimeFormat {
  const id = `${kind}|${options.seconds ? 's' : ''}|${options.utc ? 'utc' : ''}|${options.locale ?? ''}`;
  let format = cache.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(options.locale ?? 'en-GB', {
      ...(kind !== 'time' ? { day: 'numeric', month: 'short', year: 'numeric' } : {}),
      ...(kind !== 'date' ? { hour: '2-digit', minute: '2-digit' } : {}),
      ...(options.seconds && kind !== 'date' ? { second: '2-digit' } : {}),
      ...(options.utc ? { timeZone: 'UTC' } : {}),
    });
    cache.set(id, format);
  }
  return format;
}

function format(kind: Kind, iso: string, options: DateTimeOptions): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatter(kind, options).format(date);
}

/** A date and time, e.g. "2 Dec 2026, 09:14"; text that is not a date is returned as it is. */
export const formatDateTime = (iso: string, options: DateTimeOptions = {}): string =>
  format('date-time', iso, options);

/** A day in the same style, "2 Dec 2026", where the time does not matter (a certificate file added). */
export const formatDate = (iso: string, options: DateTimeOptions = {}): string =>
  format('date', iso, options);

/** A time of day in the same style, for moments within the next minutes ("clears at 09:15:30"). */
export const formatTime = (iso: string, options: DateTimeOptions = {}): string =>
  format('time', iso, { seconds: true, ...options });
