import { matcherFor, REDACTED, redactStructure } from '../logging/secret-forms';

/**
 * Replaces every occurrence of a secret in a string, in any encoding a server might echo it in (JSON
 * escapes, URL/form encoding, base64/base64url): the token must never reach a log, error or result.
 */
export function redactSecret(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    // Very short "secrets" would shred ordinary text; real API keys are long.
    if (secret.length >= 4) out = matcherFor(secret).redact(out);
  }
  return out.replace(/(Bearer\s+)[A-Za-z0-9\-._~+/=]{8,}/gi, `$1${REDACTED}`);
}

/** The same for parsed data: every string and object key, however deep. */
export function redactSecretIn<T>(value: T, secrets: readonly string[]): T {
  return redactStructure(value, (text) => redactSecret(text, secrets)) as T;
}

/** Base URL for display: no `user:pass@`, and the values of credential-looking query parameters hidden. */
export function redactUrlSecrets(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw
      .replace(/\/\/[^@/?#]*@/, '//')
      .replace(/([?&][^=&#]*(?:token|key|secret|password|auth|sig|code)[^=&#]*=)[^&#]*/gi, `$1${REDACTED}`);
  }
  url.username = '';
  url.password = '';
  for (const name of [...url.searchParams.keys()]) {
    if (/token|key|secret|password|auth|sig|code/i.test(name)) url.searchParams.set(name, REDACTED);
  }
  return url.href.replace(/%5Bredacted%5D/g, REDACTED);
}

/** Cuts text to `max` characters and says whether it did. */
export function truncate(text: string, max: number): { text: string; truncated: boolean } {
  if (text.length <= max) return { text, truncated: false };
  return { text: `${text.slice(0, max)}…`, truncated: true };
}

/** Removes user:password from a proxy URL before it is shown anywhere. */
export function redactUrlCredentials(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.username || url.password) {
      url.username = '';
      url.password = '';
    }
    return url.href.replace(/\/$/, '');
  } catch {
    return raw.replace(/\/\/[^@/]*@/, '//');
  }
}
