/**
 * Every way a server (or our own code) might write a secret back to us: as is, JSON-escaped (`\/`,
 * `\u002B`, any mix), URL- or form-encoded (`%2B`, `+` for a space, any case of hex), and base64 or base64url
 * at any byte alignment (a server that echoes `base64("Bearer " + key)` shifts the key by 7 bytes).
 *
 * Our own code because no maintained library covers "find this string in any of its encodings"; it is one
 * regular expression per secret plus a handful of literal base64 cores.
 */
export const REDACTED = '[redacted]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function hexPattern(code: number, digits: number): string {
  const hex = code.toString(16).padStart(digits, '0');
  // Either case of each hex digit: servers differ in how they write escapes.
  return [...hex].map((digit) => (/[a-f]/.test(digit) ? `[${digit}${digit.toUpperCase()}]` : digit)).join('');
}

/** One character of the secret in any of the textual encodings above. */
function charPattern(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const options = [escapeRegExp(char)];
  if (code <= 0xffff) options.push(`\\\\u${hexPattern(code, 4)}`);
  if (char === '/') options.push('\\\\/');
  if (char === ' ') options.push('\\+');
  for (const byte of Buffer.from(char, 'utf8')) options.push(`%${hexPattern(byte, 2)}`);
  return `(?:${options.join('|')})`;
}

/** The part of base64(prefix + secret) that does not depend on the bytes around the secret. */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const cores: string[] = [];
  for (let shift = 0; shift < 3; shift += 1) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    const start = shift === 0 ? 0 : 4;
    const whole = Math.floor((shift + bytes.length) / 3) * 4;
    const core = encoded.slice(start, whole);
    // Too short a core would match ordinary base64; a real key leaves at least 16 characters.
    if (core.length >= 16) {
      cores.push(core);
      cores.push(core.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  return cores;
}

export interface SecretMatcher {
  /** Replaces every form of the secret in `text`. */
  redact(text: string): string;
}

export function secretMatcher(secret: string): SecretMatcher {
  const textual = new RegExp([...secret].map(charPattern).join(''), 'g');
  const cores = [...new Set(base64Cores(secret))];
  return {
    redact(text) {
      let out = text.replace(textual, REDACTED);
      for (const core of cores) if (out.includes(core)) out = out.split(core).join(REDACTED);
      return out;
    },
  };
}

const cache = new Map<string, SecretMatcher>();

/** Cached matchers: the same few secrets are redacted from every response and log line. */
export function matcherFor(secret: string): SecretMatcher {
  let matcher = cache.get(secret);
  if (!matcher) {
    if (cache.size > 64) cache.clear();
    matcher = secretMatcher(secret);
    cache.set(secret, matcher);
  }
  return matcher;
}

/**
 * Deep-copies a JSON-like value with `redactText` applied to every string and object key. For parsed server
 * answers: a body parsed from unredacted text must be redacted as data, not re-serialised from that text.
 * Iterative, so a hostile 300,000-deep document cannot overflow the stack here.
 */
export function redactStructure(input: unknown, redactText: (text: string) => string): unknown {
  if (typeof input === 'string') return redactText(input);
  if (input === null || typeof input !== 'object') return input;
  const root: { value: unknown } = { value: undefined };
  const stack: Array<{ source: unknown; assign: (value: unknown) => void }> = [
    { source: input, assign: (value) => (root.value = value) },
  ];
  while (stack.length > 0) {
    const { source, assign } = stack.pop()!;
    if (typeof source === 'string') assign(redactText(source));
    else if (source === null || typeof source !== 'object' || source instanceof Date) assign(source);
    else if (Array.isArray(source)) {
      const copy: unknown[] = new Array<unknown>(source.length);
      assign(copy);
      source.forEach((item: unknown, index) =>
        stack.push({ source: item, assign: (value) => (copy[index] = value) }),
      );
    } else {
      const copy: Record<string, unknown> = {};
      assign(copy);
      for (const [key, item] of Object.entries(source)) {
        const name = redactText(key);
        // defineProperty, not assignment: a "__proto__" key from a server must stay a plain field.
        stack.push({
          source: item,
          assign: (value) =>
            Object.defineProperty(copy, name, {
              value,
              enumerable: true,
              writable: true,
              configurable: true,
            }),
        });
      }
    }
  }
  return root.value;
}
