/**
 * Reads a response body as SCIM JSON, naming what is wrong when it cannot: an encoding we never asked for
 * (gzip), nesting far deeper than any SCIM document (checked before parsing, so nothing recursive ever sees
 * it), or text that is not JSON although the Content-Type says it is.
 */
import type { BodyProblem } from './types';

/** SCIM resources nest a few levels; 64 leaves room for extensions and still stops hostile documents. */
export const MAX_JSON_DEPTH = 64;

export interface ParsedBody {
  body: unknown;
  problem?: BodyProblem;
}

function isJsonType(contentType: string | undefined): boolean {
  return /^application\/(?:scim\+)?json\b|\+json\b/i.test((contentType ?? '').trim());
}

/** How many `{` and `[` the text holds, counting no further than `limit + 1` (native searches, no char loop). */
function openersUpTo(text: string, limit: number): number {
  let count = 0;
  for (const opener of ['{', '[']) {
    for (let at = text.indexOf(opener); at >= 0 && count <= limit; at = text.indexOf(opener, at + 1))
      count += 1;
  }
  return count;
}

/** Depth of [ and { outside strings; stops counting once past `limit`. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  // Nesting deeper than `limit` needs more than `limit` openers: the common small answer skips the scan.
  if (openersUpTo(text, limit) <= limit) return false;
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c) index += 1;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (char === 0x5d || char === 0x7d) depth -= 1;
  }
  return false;
}

export function parseResponseBody(
  buffer: Buffer,
  headers: Record<string, string>,
  requestedEncoding = false,
  /** `buffer` already decoded as UTF-8, when the caller has it (saves decoding it twice). */
  decoded?: string,
): ParsedBody {
  const encoding = (headers['content-encoding'] ?? '').trim().toLowerCase();
  if (!requestedEncoding && encoding !== '' && encoding !== 'identity') {
    return {
      body: undefined,
      problem: {
        kind: 'encoded',
        message: `The body came ${encoding}-compressed (Content-Encoding: ${encoding}) although no compression was asked for.`,
      },
    };
  }
  const text = (decoded ?? buffer.toString('utf8')).trim();
  const jsonType = isJsonType(headers['content-type']);
  if (text === '') return { body: undefined };
  if (!text.startsWith('{') && !text.startsWith('[')) {
    return jsonType
      ? { body: undefined, problem: { kind: 'invalidJson', message: 'The body is not valid JSON.' } }
      : { body: undefined };
  }
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
    return {
      body: undefined,
      problem: {
        kind: 'tooDeep',
        message: `The JSON is too deeply nested (more than ${MAX_JSON_DEPTH} levels); no SCIM answer looks like this.`,
      },
    };
  }
  try {
    return { body: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      body: undefined,
      problem: { kind: 'invalidJson', message: `The body is not valid JSON (${detail.slice(0, 120)}).` },
    };
  }
}
