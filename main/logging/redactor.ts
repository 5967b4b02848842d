/**
 * Removes secrets from anything about to be written: log lines, request evidence, exports.
 * Known secrets (the saved key, tokens of running mock servers) are replaced wherever they appear;
 * token-shaped values after "Bearer" or in token/key/password fields are replaced even when unknown.
 */
const MIN_SECRET_LENGTH = 6;
export const REDACTED = '[redacted]';

const bearerPattern = /(bearer\s+)[A-Za-z0-9\-._~+/=]{6,}/gi;
const secretFieldPattern =
  /("?(?:api[_-]?key|token|secret|password|authorization|access[_-]?token)"?\s*[:=]\s*"?)(?!bearer\b)([^"\s,}&]{6,})/gi;

export class Redactor {
  private readonly secrets = new Set<string>();

  addSecret(secret: string): void {
    if (secret.length >= MIN_SECRET_LENGTH) this.secrets.add(secret);
  }

  removeSecret(secret: string): void {
    this.secrets.delete(secret);
  }

  text(input: string): string {
    let output = input;
    for (const secret of this.secrets) output = output.split(secret).join(REDACTED);
    return output.replace(bearerPattern, `$1${REDACTED}`).replace(secretFieldPattern, `$1${REDACTED}`);
  }

  /** Deep-copies a JSON value with every string redacted and secret-named fields blanked. */
  value<T>(input: T): T {
    // Strings first, one by one: inside JSON text a key containing " or \ is escaped and would not match.
    // Then the JSON text, where the field patterns see names and values together.
    return JSON.parse(this.text(JSON.stringify(this.strings(input)) ?? 'null')) as T;
  }

  private strings(input: unknown): unknown {
    if (typeof input === 'string') return this.text(input);
    if (Array.isArray(input)) return input.map((item: unknown) => this.strings(item));
    if (input && typeof input === 'object' && !(input instanceof Date)) {
      return Object.fromEntries(
        Object.entries(input).map(([key, item]) => [this.text(key), this.strings(item)]),
      );
    }
    return input;
  }
}
