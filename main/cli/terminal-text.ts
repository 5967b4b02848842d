/**
 * Text from a server (error messages, headers, bodies, user names) can carry ANSI escape sequences or other
 * control characters that rewrite what a terminal shows — a hostile server could paint a fake "PASS".
 * Everything the CLI prints passes through here: controls become visible `\u001b`-style escapes, which are
 * also valid inside JSON strings, so `--json` output stays parseable. Line feeds and tabs are kept, because
 * our own multi-line output uses them (JSON.stringify never leaves a raw one inside a string).
 */

// C0 except \t and \n, DEL, C1 (U+009B is a one-byte CSI on some terminals), and the bidirectional
// marks, overrides and isolates that reorder what is displayed.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function safeForTerminal(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
