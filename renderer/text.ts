/** Small text helpers for the UI. */
import { formatDateTime } from '../shared/format/date-time';

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count.toLocaleString()} ${count === 1 ? one : many}`;

/** A date and time for the admin, in the one format the whole window uses (shared/format/date-time). */
export const when = (iso: string): string => formatDateTime(iso);

/**
 * Ends a message with a full stop unless it already ends a sentence. A closing bracket or quote ends one only
 * after . ! or ?: "… (such as city)" still needs its full stop, "… (see below.)" does not.
 */
export const sentence = (text: string): string => {
  const trimmed = text.trimEnd();
  return /[.!?]["'”’)\]]*$/.test(trimmed) ? trimmed : `${trimmed}.`;
};

/** The host name of a URL, or null when there is none or it does not parse. */
export function hostOf(url: string | null): string | null {
  try {
    return url ? new URL(url).hostname : null;
  } catch {
    return null;
  }
}
