/** Turns the raw strings of either format into the normalised row values. Throws plain Errors; callers add where. */
import type { ProvisioningAction, ProvisioningStatus } from './model';

const squash = (raw: string) => raw.toLowerCase().replace(/[^a-z]/g, '');

const ACTIONS: Record<string, ProvisioningAction> = {
  create: 'Create',
  add: 'Create',
  update: 'Update',
  disable: 'Disable',
  delete: 'Delete',
  stageddelete: 'StagedDelete',
  // Not Entra values; tolerated from hand-made or third-party exports as what Entra calls them.
  skip: 'Other',
  skipped: 'Other',
  other: 'Other',
  none: 'Other',
  unknownfuturevalue: 'Other',
};

/**
 * Graph's provisioningAction is create/update/delete/stageddelete/disable/other (GRAPH-POS), kept as Entra
 * writes them: there is no "Skip" action, a skipped user keeps its action with status Skipped. Unfamiliar
 * actions (Entra adds values over time) become Other rather than failing the import.
 */
export function toAction(raw: string | undefined): { action: ProvisioningAction; staged: boolean } {
  const key = squash(raw ?? '');
  const staged = key.startsWith('staged');
  return { action: ACTIONS[key] ?? 'Other', staged };
}

const STATUSES: Record<string, ProvisioningStatus> = {
  success: 'Success',
  succeeded: 'Success',
  failure: 'Failure',
  failed: 'Failure',
  error: 'Failure',
  skipped: 'Skipped',
  skip: 'Skipped',
  warning: 'Warning',
  // Graph's evolvable-enum sentinel: a status this client predates. Flag it for review rather than guess.
  unknownfuturevalue: 'Warning',
};

export function toStatus(raw: string | undefined): ProvisioningStatus {
  const status = STATUSES[squash(raw ?? '')];
  if (status) return status;
  if ((raw ?? '').trim() === '') throw new Error('the status is empty');
  throw new Error(`the status "${raw}" is not one of Success, Failure, Skipped, Warning`);
}

const US_DATE =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?\s*([AP]M)?$/i;
const ISO_NO_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Entra logs in UTC, so a time without a zone (Excel re-saves, the `2024-05-01 10:00:00` form) is read as UTC.
 * The US `5/1/2024 10:00:00 AM` form the portal shows is accepted too, also as UTC.
 */
export function toTimestamp(raw: string | undefined): string {
  const text = (raw ?? '').trim();
  if (text === '') throw new Error('the activity date is empty');
  let millis = Number.NaN;
  if (ISO_WITH_ZONE.test(text) || ISO_NO_ZONE.test(text)) {
    const iso = text.replace(' ', 'T');
    millis = Date.parse(ISO_WITH_ZONE.test(text) ? iso : `${iso}Z`);
    // V8 reads 2026-02-31 as 3 March; the calendar date must survive, whatever the zone.
    const [year, month, day] = text.slice(0, 10).split('-').map(Number);
    const calendar = new Date(Date.UTC(year!, month! - 1, day!));
    if (calendar.getUTCMonth() !== month! - 1 || calendar.getUTCDate() !== day) millis = Number.NaN;
  } else {
    const us = US_DATE.exec(text);
    if (us) {
      const [, month, day, year, hour, minute, second, fraction, meridiem] = us;
      let hours = Number(hour);
      if (meridiem) hours = (hours % 12) + (meridiem.toUpperCase() === 'PM' ? 12 : 0);
      const milliseconds = Number((fraction ?? '0').padEnd(3, '0'));
      millis = Date.UTC(
        Number(year),
        Number(month) - 1,
        Number(day),
        hours,
        Number(minute),
        Number(second ?? 0),
        milliseconds,
      );
      // Date.UTC rolls 2/31 into March and 25:00 into the next day; a value that does not round-trip is not a date.
      const check = new Date(millis);
      const rolledOver =
        check.getUTCDate() !== Number(day) ||
        check.getUTCMonth() !== Number(month) - 1 ||
        check.getUTCHours() !== hours ||
        check.getUTCMinutes() !== Number(minute) ||
        (meridiem !== undefined && (Number(hour) < 1 || Number(hour) > 12));
      if (rolledOver) millis = Number.NaN;
    }
  }
  if (Number.isNaN(millis)) throw new Error(`"${text}" is not a date and time`);
  return new Date(millis).toISOString();
}

/** Entra and Log Analytics write "None" or nothing when there is no error code. */
export function toErrorCode(raw: string | undefined): string | undefined {
  const text = optionalText(raw);
  if (text === undefined || /^(none|0|null|n\/a)$/i.test(text)) return undefined;
  return text;
}

export function optionalText(raw: unknown): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  const text = (typeof raw === 'string' ? raw : String(raw)).trim();
  return text === '' ? undefined : text;
}
