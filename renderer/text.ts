/** Small text helpers for the UI. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count.toLocaleString()} ${count === 1 ? one : many}`;

export const when = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The host name of a URL, or null when there is none or it does not parse. */
export function hostOf(url: string | null): string | null {
  try {
    return url ? new URL(url).hostname : null;
  } catch {
    return null;
  }
}
