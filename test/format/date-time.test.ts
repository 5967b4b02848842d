import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime } from '../../shared/format/date-time';

const AT = '2026-12-01T23:49:05.000Z';

describe('one date format for the window', () => {
  it('writes day, month name, year and a 24-hour time, whatever the computer’s locale', () => {
    expect(formatDateTime(AT, { utc: true })).toBe('1 Dec 2026, 23:49');
  });

  it('adds seconds only when asked, and a time of day uses the same style', () => {
    expect(formatDateTime(AT, { utc: true, seconds: true })).toBe('1 Dec 2026, 23:49:05');
    expect(formatTime(AT, { utc: true })).toBe('23:49:05');
    expect(formatDate(AT, { utc: true })).toBe('1 Dec 2026');
  });

  it('returns text that is not a date as it is', () => {
    expect(formatDateTime('yesterday')).toBe('yesterday');
  });
});
