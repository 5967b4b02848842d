/**
 * `new Date().toISOString()`, made once per millisecond. The dry-run log stamps every entry and Mock Jostle
 * every record it writes, thousands a second; within a millisecond they share one string.
 */
let lastMs = Number.NaN;
let lastIso = '';

export function isoNow(): string {
  const ms = Date.now();
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

/** The epoch ms of `text` when it is the string isoNow last gave, else NaN (a check that parses nothing). */
export function msOfLastIsoNow(text: string): number {
  return text === lastIso ? lastMs : Number.NaN;
}
