/** Replaces every occurrence of a secret in a string; the token must never reach a log, error or result. */
export function redactSecret(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    // Very short "secrets" would shred ordinary text; real API keys are long.
    if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out.replace(/(Bearer\s+)[A-Za-z0-9\-._~+/=]{8,}/gi, '$1[redacted]');
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
