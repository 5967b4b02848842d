/**
 * Removes secrets from anything about to be written: log lines, request evidence, exports, API answers.
 * Known secrets (the saved key, tokens of running mock servers) are replaced wherever they appear and in
 * whatever encoding (see secret-forms.ts); token-shaped values after "Bearer" or in token/key/password fields
 * are replaced even when unknown.
 */
import { matcherFor, REDACTED, redactStructure } from './secret-forms';

export { REDACTED } from './secret-forms';

const MIN_SECRET_LENGTH = 6;

const bearerPattern = /(bearer\s+)[A-Za-z0-9\-._~+/=]{6,}/gi;
const secretFieldPattern =
  /("?(?:api[_-]?key|token|secret|password|authorization|access[_-]?token)"?\s*[:=]\s*"?)(?!bearer\b)([^"\s,}&]{6,})/gi;

/** Redacts the given secrets (every encoding) and token-shaped values from one string. */
export function redactText(input: string, secrets: Iterable<string>): string {
  let output = input;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH) output = matcherFor(secret).redact(output);
  }
  return output.replace(bearerPattern, `$1${REDACTED}`).replace(secretFieldPattern, `$1${REDACTED}`);
}

export class Redactor {
  private readonly secrets = new Set<string>();

  addSecret(secret: string): void {
    if (secret.length >= MIN_SECRET_LENGTH) this.secrets.add(secret);
  }

  removeSecret(secret: string): void {
    this.secrets.delete(secret);
  }

  text(input: string): string {
    return redactText(input, this.secrets);
  }

  /** Deep-copies a JSON value with every string redacted and secret-named fields blanked. */
  value<T>(input: T): T {
    // Strings first, one by one, as data: inside JSON text a key containing " or \ is escaped differently.
    // Then the JSON text, where the field patterns see names and values together.
    const strings = redactStructure(input, (text) => this.text(text));
    return JSON.parse(this.text(JSON.stringify(strings) ?? 'null')) as T;
  }
}
