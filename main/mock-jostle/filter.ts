import SCIMMY from 'scimmy';
import { invalidFilter } from './errors';
import { CORE_PREFIX_LOWER } from './schema-index';

/**
 * `userName eq "<JSON string>"`, optionally with the core schema URN: RFC 7644 §3.4.2.2 says compValue is a
 * JSON string (RFC 8259 §7), so `\"`, `\\`, `\/` and `\uXXXX` are escapes and are decoded here. SCIMMY's
 * parser does not decode them, and cuts a value at `\"`.
 */
const USERNAME_EQ_STRING =
  /^\s*(?:urn:ietf:params:scim:schemas:core:2\.0:user:)?username\s+eq\s+("(?:[^"\\]|\\.)*")\s*$/i;

/** Whether a quoted value is more than the characters between its quotes: an escape or a control character. */
function needsJsonDecoding(literal: string): boolean {
  for (let at = 1; at < literal.length - 1; at += 1) {
    const code = literal.charCodeAt(at);
    if (code === 0x5c || code < 0x20) return true;
  }
  return false;
}

const SUPPORTED = 'Jostle supports only filter=userName eq "value" (attribute and operator in any case).';

/**
 * Reads a `filter` query value (already URL-decoded, so `+` and `%20` are spaces) into the userName to look
 * up. SCIMMY's parser does the grammar (RFC 7644 §3.4.2.2) and its invalidFilter errors; this function then
 * narrows the result to the one expression Jostle answers.
 */
export function parseUserNameFilter(filter: string): string {
  // The one shape Entra sends on every match and Test Connection, escapes decoded as JSON.
  const simple = USERNAME_EQ_STRING.exec(filter);
  if (simple) {
    const literal = simple[1] as string;
    // JSON.parse would give the same string (and accepts it): skip it for Entra's plain values.
    if (!needsJsonDecoding(literal)) return literal.slice(1, -1);
    try {
      const value: unknown = JSON.parse(literal);
      if (typeof value === 'string') return value;
    } catch {
      // Falls through to the error below.
    }
    throw invalidFilter(
      `The value ${literal.slice(0, 80)} is not a valid string: use JSON escapes (\\" \\\\ \\uXXXX). ${SUPPORTED}`,
    );
  }
  let parsed: unknown;
  try {
    parsed = new SCIMMY.Types.Filter(filter);
  } catch (error) {
    throw invalidFilter(`Malformed filter: ${(error as Error).message}. ${SUPPORTED}`);
  }
  const expressions = parsed as Array<Record<string, unknown>>;
  const only = expressions.length === 1 ? expressions[0] : undefined;
  const keys = only ? Object.keys(only) : [];
  const key = keys.length === 1 ? keys[0] : undefined;
  if (!only || key === undefined) {
    throw invalidFilter(`Filter '${filter}' combines expressions. ${SUPPORTED}`);
  }
  const attribute = key.toLowerCase();
  if (attribute !== 'username' && attribute !== `${CORE_PREFIX_LOWER}username`) {
    throw invalidFilter(`Filtering on '${key}' is not supported. ${SUPPORTED}`);
  }
  const comparison = only[key];
  if (Array.isArray(comparison) && Array.isArray(comparison[0])) {
    throw invalidFilter(`Filter '${filter}' combines expressions. ${SUPPORTED}`);
  }
  if (!Array.isArray(comparison) || comparison[0] !== 'eq' || comparison.length !== 2) {
    throw invalidFilter(`Only the 'eq' operator is supported. ${SUPPORTED}`);
  }
  const value: unknown = comparison[1];
  // SCIMMY reads an unquoted word as a string; RFC 7644 requires a quoted string, and so do we.
  if (typeof value !== 'string' || !/\beq\s+"/i.test(filter)) {
    throw invalidFilter(`The userName value must be a quoted string. ${SUPPORTED}`);
  }
  return value;
}
