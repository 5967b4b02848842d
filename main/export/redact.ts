/**
 * The export's redaction: the app's redactor (which knows the saved key and catches Bearer values and
 * token=/apiKey= fields), plus patterns for credentials that only show up in what servers and proxies send
 * back: URL user:password, Basic credentials, key= query values, and long base64/hex runs in evidence.
 */
import type { Redactor } from '../logging/redactor';
import { REDACTED } from '../logging/redactor';

const urlCredentials = /([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi;
const basicCredentials = /(\bbasic\s+)[A-Za-z0-9+/=]{8,}/gi;
const keyLikeParameter =
  /((?:[?&;]|\b)(?:key|sig|signature|code|client_secret|refresh_token|id_token|session|sessionid)=)[^\s&"'<>#]{6,}/gi;

/**
 * Runs of 32+ characters of base64/base64url or hex with both letters and digits look like tokens, not words.
 * Slashes split runs on purpose, so URL paths survive; UUIDs (user ids) are kept, they identify no secret.
 */
const longRun = /[A-Za-z0-9+_=-]{32,}/g;
const uuids = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export function redactLongRuns(text: string): string {
  return text.replace(longRun, (run) => {
    // A UUID next to an encoded quote (`%22…%22` in a filter) is still just an id.
    const rest = run.replace(uuids, '');
    return rest.length < 32 || !/[0-9]/.test(rest) || !/[A-Za-z]/.test(rest) ? run : REDACTED;
  });
}

export type TextRedaction = (text: string) => string;

/** Everything the export writes passes this: known secrets first, then token-shaped values. */
export function exportRedaction(redactor: Redactor): TextRedaction {
  return (text) =>
    redactor
      .text(text)
      .replace(urlCredentials, `$1${REDACTED}@`)
      .replace(basicCredentials, `$1${REDACTED}`)
      .replace(keyLikeParameter, `$1${REDACTED}`);
}

/** Applies a redaction to every string in a JSON-like value, keys included, without going through JSON text. */
export function redactStrings<T>(value: T, redact: TextRedaction): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactStrings(item, redact)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [redact(key), redactStrings(item, redact)]),
    ) as T;
  }
  return value;
}
